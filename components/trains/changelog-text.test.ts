import { describe, expect, it } from 'vitest';
import { changelogBlocks, inlineParts, ticketKeys } from './changelog-text';

describe('changelogBlocks', () => {
  it('reads headings, list items, plain lines and collapses blank lines', () => {
    const blocks = changelogBlocks('## 1.5.0\r\n\r\n\r\n- SHOP-12 Checkout by card\n* fix typo\nplain line\n\n');
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'gap', 'item', 'item', 'text']);
    expect(blocks[2]).toEqual({ kind: 'item', parts: [{ kind: 'ticket', text: 'SHOP-12' }, { kind: 'text', text: ' Checkout by card' }] });
  });

  it('keeps markup as text: nothing is interpreted as HTML', () => {
    const [b] = changelogBlocks('<img src=x onerror=alert(1)> [x](javascript:alert(1))');
    expect(b).toEqual({ kind: 'text', parts: [{ kind: 'text', text: '<img src=x onerror=alert(1)> [x](javascript:alert(1))' }] });
  });
});

describe('inlineParts', () => {
  it('links only http(s) URLs, leaving closing punctuation outside', () => {
    expect(inlineParts('see https://jira.local/browse/SHOP-1. Done')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://jira.local/browse/SHOP-1', href: 'https://jira.local/browse/SHOP-1' },
      { kind: 'text', text: '. Done' },
    ]);
  });
  it('picks out bold conventional-commit scopes', () => {
    expect(inlineParts('**search:** typo-tolerant search SHOP-107 (13844d6)')).toEqual([
      { kind: 'strong', text: 'search:' },
      { kind: 'text', text: ' typo-tolerant search ' },
      { kind: 'ticket', text: 'SHOP-107' },
      { kind: 'text', text: ' (13844d6)' },
    ]);
  });
  it('picks out code spans', () => {
    expect(inlineParts('bump `package.json`')).toEqual([{ kind: 'text', text: 'bump ' }, { kind: 'code', text: 'package.json' }]);
  });
});

describe('ticketKeys', () => {
  it('lists each ticket once, in order', () => {
    expect(ticketKeys('SHOP-2 fix\nSHOP-1 add\nSHOP-2 again')).toEqual(['SHOP-2', 'SHOP-1']);
  });
});
