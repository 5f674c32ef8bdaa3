import { describe, expect, it } from 'vitest';
import { reportMatchesScope, type PartnerScope } from './report-matches-scope.js';

const montpellier: PartnerScope = [
  { tunnels: [], postalCodes: ['34000', '34070', '34080', '34090'] },
  { tunnels: ['montpellier'], postalCodes: [] },
];

describe('reportMatchesScope', () => {
  it('matches a report in one of the postal codes, whatever its tunnel', () => {
    expect(reportMatchesScope({ tunnel: null, postalCode: '34070' }, montpellier)).toBe(true);
  });
  it('matches a report that came through the partner tunnel, wherever it happened', () => {
    expect(reportMatchesScope({ tunnel: 'montpellier', postalCode: '75010' }, montpellier)).toBe(true);
  });
  it('does not match a report outside its postal codes and tunnels', () => {
    expect(reportMatchesScope({ tunnel: 'paris', postalCode: '75010' }, montpellier)).toBe(false);
    expect(reportMatchesScope({ tunnel: null, postalCode: null }, montpellier)).toBe(false);
  });
  it('requires every condition of a rule when a rule gives both', () => {
    const scope: PartnerScope = [{ tunnels: ['metropole'], postalCodes: ['34170'] }];
    expect(reportMatchesScope({ tunnel: 'metropole', postalCode: '34170' }, scope)).toBe(true);
    expect(reportMatchesScope({ tunnel: 'metropole', postalCode: '34000' }, scope)).toBe(false);
    expect(reportMatchesScope({ tunnel: null, postalCode: '34170' }, scope)).toBe(false);
  });
  it('never matches with an empty rule or an empty scope', () => {
    expect(reportMatchesScope({ tunnel: 'x', postalCode: '34000' }, [{ tunnels: [], postalCodes: [] }])).toBe(false);
    expect(reportMatchesScope({ tunnel: 'x', postalCode: '34000' }, [])).toBe(false);
  });
});
