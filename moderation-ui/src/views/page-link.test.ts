import { describe, expect, it } from 'vitest';
import { pageLink } from './page-link.js';

describe('pageLink', () => {
  it('keeps the filters and moves to the next page', () => {
    expect(
      pageLink(
        '/staff',
        { status: ['received', 'in_review'], tunnel: 'montpellier', postalCode: undefined, limit: 50, offset: 0 },
        { offset: 50 },
      ),
    ).toBe('/staff?status=received%2Cin_review&tunnel=montpellier&limit=50&offset=50');
  });
  it('drops empty values', () => {
    expect(pageLink('/partner', { actType: '', motive: undefined })).toBe('/partner');
  });
});
