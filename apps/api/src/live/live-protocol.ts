import type { LiveTopic } from './live-feed.service';

/**
 * The `/api/ws` message protocol, JSON text frames both ways.
 *
 * Client → server:
 *   {"type":"subscribe","topics":["state","tasks","task:<id>"]}
 *   {"type":"unsubscribe","topics":["task:<id>"]}
 * Server → client:
 *   {"type":"subscribed","topics":[…]}      the topics of that request now deliver (acknowledges a subscribe)
 *   {"type":"unsubscribed","topics":[…]}    they no longer do (acknowledges an unsubscribe)
 *   {"type":"event","topic":"…","message":…} something published on a subscribed topic
 *   {"type":"error","message":"…"}          a message was refused; nothing changed and the connection stays open
 * A request with one bad topic is refused whole.
 */
export type ClientMessage = { type: 'subscribe' | 'unsubscribe'; topics: LiveTopic[] };

export type ServerMessage =
  | { type: 'subscribed' | 'unsubscribed'; topics: LiveTopic[] }
  | { type: 'event'; topic: LiveTopic; message: unknown }
  | { type: 'error'; message: string };

/** Most topics one request may name: enough for a page of tasks, not a way to grow the server's memory. */
export const MAX_TOPICS_PER_REQUEST = 100;

const TASK_ID = /^[\w.-]{1,100}$/;

export const isTopic = (topic: string): topic is LiveTopic =>
  topic === 'state' || topic === 'tasks' || (topic.startsWith('task:') && TASK_ID.test(topic.slice(5)));

const quote = (value: unknown) => JSON.stringify(value) ?? String(value);

/** The request a text frame carries, or why it is refused. */
export function parseClientMessage(text: string): ClientMessage | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { error: 'the message is not valid JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { error: 'the message must be a JSON object with "type" and "topics"' };
  const { type, topics } = parsed as Record<string, unknown>;
  if (type !== 'subscribe' && type !== 'unsubscribe')
    return { error: `type: must be "subscribe" or "unsubscribe", not ${quote(type)}` };
  if (!Array.isArray(topics) || topics.length === 0 || topics.length > MAX_TOPICS_PER_REQUEST)
    return { error: `topics: must be an array of 1 to ${MAX_TOPICS_PER_REQUEST} topic names` };
  const unknown = topics.filter((topic) => typeof topic !== 'string' || !isTopic(topic));
  if (unknown.length > 0)
    return {
      error: `topics: unknown topic ${unknown.map(quote).join(', ')} (known: "state", "tasks", "task:<id>")`,
    };
  return { type, topics: [...new Set(topics as LiveTopic[])] };
}
