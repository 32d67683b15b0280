import { isTopic, MAX_TOPICS_PER_REQUEST, parseClientMessage } from './live-protocol';

describe(parseClientMessage.name, () => {
  it('reads a subscription and an unsubscription, each topic once', () => {
    expect(parseClientMessage('{"type":"subscribe","topics":["state","tasks","task:3f2a-9c","state"]}')).toEqual({
      type: 'subscribe',
      topics: ['state', 'tasks', 'task:3f2a-9c'],
    });
    expect(parseClientMessage('{"type":"unsubscribe","topics":["tasks"]}')).toEqual({
      type: 'unsubscribe',
      topics: ['tasks'],
    });
  });

  it.each([
    ['subscribe', 'the message is not valid JSON'],
    ['null', 'the message must be a JSON object with "type" and "topics"'],
    ['["state"]', 'the message must be a JSON object with "type" and "topics"'],
    ['{"topics":["state"]}', 'type: must be "subscribe" or "unsubscribe", not undefined'],
    ['{"type":"publish","topics":["state"]}', 'type: must be "subscribe" or "unsubscribe", not "publish"'],
    ['{"type":"subscribe","topics":"state"}', `topics: must be an array of 1 to ${MAX_TOPICS_PER_REQUEST} topic names`],
    ['{"type":"subscribe","topics":[]}', `topics: must be an array of 1 to ${MAX_TOPICS_PER_REQUEST} topic names`],
    [
      '{"type":"subscribe","topics":["state",7,"task:a b"]}',
      'topics: unknown topic 7, "task:a b" (known: "state", "tasks", "task:<id>")',
    ],
  ])('refuses %s: %s', (text, error) => {
    expect(parseClientMessage(text)).toEqual({ error });
  });

  it('refuses more topics than one request may name', () => {
    const topics = Array.from({ length: MAX_TOPICS_PER_REQUEST + 1 }, (_, i) => `task:${i}`);
    expect(parseClientMessage(JSON.stringify({ type: 'subscribe', topics }))).toHaveProperty('error');
  });
});

describe(isTopic.name, () => {
  it('knows state, tasks and one task by id, nothing else', () => {
    expect(['state', 'tasks', 'task:1', 'task:0b6e1c7e-5f1a-4a5e-9a55-2c1f0d3b8e77'].every(isTopic)).toBe(true);
    expect(['', 'State', 'task', 'task:', 'tasks:1', 'task:a/b', `task:${'x'.repeat(101)}`].some(isTopic)).toBe(false);
  });
});
