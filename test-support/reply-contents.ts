/** Tests reply as the demo's officers do: with the content each outcome needs. */
export { completeReplyContent } from '../src/main/demo-reply-contents.ts';
