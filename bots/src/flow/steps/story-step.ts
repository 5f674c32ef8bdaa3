import { answered, reject, type StepDefinition } from './step-definition.js';

/** The longest description kept (the submission schema's limit). */
const MAX_DESCRIPTION_LENGTH = 20_000;

/**
 * The description, in as many messages as the person needs: each one is added to the draft, and
 * "That's all, continue" goes on, so nothing typed in a hurry is ever dropped.
 */
export const storyStep: StepDefinition = {
  group: 'story',
  expects: 'text',
  next: 'complaint',
  prompt: (s) =>
    s.answers.description
      ? {
          key: 'askStoryMore',
          choices: [
            { option: 'done', label: 'storyDone' },
            { option: 'rewrite', label: 'storyRewrite' },
          ],
        }
      : { key: 'askStory' },
  accept(s, answer) {
    const current = s.answers.description ?? '';
    if (answer.kind === 'option') {
      if (answer.option === 'done') return current ? answered(s) : reject('emptyStory');
      if (answer.option === 'rewrite')
        return {
          kind: 'stay',
          state: { ...s, answers: { ...s.answers, description: '' } },
          before: [{ key: 'storyCleared' }],
        };
      return reject('expectText');
    }
    const text = answer.text.trim();
    if (text.length === 0) return reject('emptyStory');
    const description = current ? `${current}\n\n${text}` : text;
    if (description.length > MAX_DESCRIPTION_LENGTH) return reject('storyTooLong');
    return { kind: 'stay', state: { ...s, answers: { ...s.answers, description } } };
  },
};
