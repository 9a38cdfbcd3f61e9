import { Compass } from 'lucide-react';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

export default function NotFound() {
  return (
    <EmptyState icon={Compass} title="Page not found">
      <p className="mb-4">This address does not match any page.</p>
      <ButtonLink href="/">Go to the overview</ButtonLink>
    </EmptyState>
  );
}
