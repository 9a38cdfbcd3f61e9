// Runs inline in <head> before first paint (see app/layout.tsx) so a pinned theme never flashes.
// Separate from lib/theme.ts because the root layout is a server component and cannot import hooks.
export const THEME_STORAGE_KEY = 'railyard.theme';
export const THEME_INIT_SCRIPT = `try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;
