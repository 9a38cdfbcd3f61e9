import { describe, expect, it } from 'vitest';
import { conditionInWords, filterInWords } from './filter-words';

describe('filterInWords', () => {
  it('reads comparisons joined by and/or', () => {
    expect(filterInWords('event.payload.build.status = "SUCCESS"')).toBe('only when the event\'s `payload.build.status` is `"SUCCESS"`');
    expect(filterInWords('event.payload.ref = "refs/heads/main" and event.payload.deleted != true')).toBe(
      'only when the event\'s `payload.ref` is `"refs/heads/main"` and the event\'s `payload.deleted` is not `true`',
    );
    expect(conditionInWords('(event.payload.a > 2 or event.payload.b in ["x", "y"])')).toBe(
      'either the event\'s `payload.a` is above `2` or the event\'s `payload.b` is one of `["x", "y"]`',
    );
  });

  it('reads $exists and $contains, and shows anything else as code', () => {
    expect(conditionInWords('$exists(event.payload.release)')).toBe("the event's `payload.release` is set");
    expect(conditionInWords('$contains(event.payload.ref, "release/")')).toBe('the event\'s `payload.ref` contains `"release/"`');
    expect(conditionInWords('$count(event.payload.commits) > 0')).toBe('`$count(event.payload.commits)` is above `0`');
    expect(conditionInWords('$not(event.payload.draft)')).toBe('`$not(event.payload.draft)` holds');
    expect(conditionInWords('event.payload.merged')).toBe("the event's `payload.merged` is true");
    expect(conditionInWords('{{ vars.go }}')).toBe('variable `go` is true');
  });

  it('does not split inside strings and says nothing for no filter', () => {
    expect(conditionInWords('event.payload.title = "a and b"')).toBe('the event\'s `payload.title` is `"a and b"`');
    expect(filterInWords(undefined)).toBeNull();
  });
});
