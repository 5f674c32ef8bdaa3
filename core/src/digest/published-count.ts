/** A count as published outside the UI: the number, or the mark `< k` when it is suppressed. */
export type PublishedCount = number | `< ${number}`;
