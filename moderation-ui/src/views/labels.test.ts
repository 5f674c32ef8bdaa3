import { describe, expect, it } from 'vitest';
import { labelsFor } from './labels.js';

describe('labels of stored codes', () => {
  it('names statuses, priorities and answers in French, and unknown codes as themselves', () => {
    const l = labelsFor('fr');
    expect(l.status('flagged')).toBe('Signalé par un partenaire');
    expect(l.status('in_review')).toBe('En cours');
    expect(l.status('archived')).toBe('archived');
    expect(l.priorities).toEqual(['Normale', 'Haute', 'Urgente']);
    expect(l.priority(7)).toBe('7');
    expect(l.place('unknown')).toBe('Non précisé');
    expect(l.place(null)).toBe('—');
    expect(l.role('bystander')).toBe('Non précisé');
    expect(l.complaint('wants_help')).toBe('Souhaite de l’aide pour porter plainte');
    expect(l.postalCode('none')).toBe('Sans code postal');
    expect(l.act('no_such_act')).toBe('no_such_act');
  });

  it('names the same codes in English', () => {
    const l = labelsFor('en');
    expect(l.status('done')).toBe('Done');
    expect(l.role('witness')).toBe('Witness');
    expect(l.postalCode('none')).toBe('No postal code');
  });
});
