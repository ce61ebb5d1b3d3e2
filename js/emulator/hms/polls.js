// Polls and quizzes: create, read, rewrite, and edit one question or one option at a time.
// Questions and options are addressed by their 1-based index; deleting one re-indexes the
// rest ("larger indexes are pushed one index backwards"), and writing index n+1 appends.
// What happens when a poll runs in a session (responses, results) is in hms/poll-runs.js.

import { notFound, requireOwned } from "./lookup.js";
import { badBodyParam, objectBody } from "../shared/http.js";
import { objectId, unique } from "../shared/ids.js";
import { checkTypes, has } from "./room-rules.js";

const POLL_TYPES = ["poll", "quiz"];
const MODES = ["userid", "peerid", "username"];
const STARTS = ["auto", "manual"];
export const QUESTION_TYPES = ["single-choice", "multiple-choice", "short-answer", "long-answer"];
export const isChoice = (question) => question.type === "single-choice" || question.type === "multiple-choice";

function oneOf(body, field, allowed, prefix = "") {
  if (has(body, field) && !allowed.includes(body[field])) {
    throw badBodyParam(`${prefix}${field}`, `${prefix}${field} must be one of ${allowed.join(", ")}`);
  }
}

function requireObject(value, field) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw badBodyParam(field, `${field} must be an object`);
  return value;
}

function normalizeOption(body, index, prefix) {
  requireObject(body, prefix.replace(/\.$/, ""));
  checkTypes(body, { text: "string", weight: "integer" }, prefix);
  return { index, text: body.text ?? "", weight: body.weight ?? 1 };
}

function checkAnswer(answer, options, prefix) {
  requireObject(answer, `${prefix}answer`);
  checkTypes(answer, { hidden: "boolean", options: "array", text: "string", case: "boolean", trim: "boolean" }, `${prefix}answer.`);
  const bad = (answer.options ?? []).find((i) => !Number.isInteger(i) || i < 1 || i > options.length);
  if (bad !== undefined) throw badBodyParam(`${prefix}answer.options`, `answer options must be indexes of the question's options (1 to ${options.length})`);
}

const QUESTION_FIELDS = {
  text: "string", format: "string", attachment: "array", skippable: "boolean", duration: "integer", once: "boolean",
  weight: "integer", answer_min_len: "integer", answer_max_len: "integer", type: "string", options: "array",
};

function normalizeQuestion(body, index, prefix) {
  requireObject(body, prefix.replace(/\.$/, ""));
  checkTypes(body, QUESTION_FIELDS, prefix);
  oneOf(body, "type", QUESTION_TYPES, prefix);
  const options = (body.options ?? []).map((o, i) => normalizeOption(o, i + 1, `${prefix}options.`));
  if (has(body, "answer")) checkAnswer(body.answer, options, prefix);
  return {
    index,
    text: body.text ?? "",
    format: body.format ?? "text",
    attachment: structuredClone(body.attachment ?? []),
    skippable: body.skippable ?? true,
    duration: body.duration ?? 0,
    once: body.once ?? false,
    weight: body.weight ?? 1,
    answer_min_len: body.answer_min_len ?? 0,
    answer_max_len: body.answer_max_len ?? 1024,
    type: body.type ?? "single-choice",
    ...(has(body, "answer") ? { answer: structuredClone(body.answer) } : {}),
    options,
  };
}

// Fields absent from `body` keep their `current` value (defaults for a new poll).
function applyPollBody(body, current) {
  checkTypes(body, { title: "string", duration: "integer", anonymous: "boolean", questions: "array" });
  oneOf(body, "type", POLL_TYPES);
  oneOf(body, "mode", MODES);
  oneOf(body, "start", STARTS);
  if (has(body, "duration") && body.duration < 0) throw badBodyParam("duration", "duration must be 0 (no limit) or more seconds");
  const questions = has(body, "questions")
    ? body.questions.map((q, i) => normalizeQuestion(q, i + 1, "questions."))
    : current.questions;
  const pick = (field) => (has(body, field) ? body[field] : current[field]);
  return {
    title: pick("title"), duration: pick("duration"), anonymous: pick("anonymous"),
    mode: pick("mode"), type: pick("type"), start: pick("start"), questions,
  };
}

const NEW_POLL = { title: "", duration: 0, anonymous: false, mode: "userid", type: "poll", start: "auto", questions: [] };

export function presentPoll({ id, title, duration, anonymous, mode, type, start, questions }) {
  return structuredClone({ id, title, duration, anonymous, mode, type, start, questions });
}

export const requirePoll = (ctx) => requireOwned(ctx, ctx.state.polls, "Poll", ctx.params.poll_id);

function createPoll(ctx) {
  const body = objectBody(ctx.body);
  if (typeof body.title !== "string" || body.title.trim() === "") throw badBodyParam("title", "title is required (a non-empty string)");
  const poll = {
    id: unique(objectId, (id) => ctx.state.polls.has(id)),
    ...applyPollBody(body, NEW_POLL),
    app_id: ctx.app.app_id,
    created_at: ctx.clock.iso,
    updated_at: ctx.clock.iso,
  };
  ctx.state.polls.set(poll.id, poll);
  return presentPoll(poll);
}

function getPoll(ctx) {
  return presentPoll(requirePoll(ctx));
}

function updatePoll(ctx) {
  const poll = requirePoll(ctx);
  const body = objectBody(ctx.body);
  if (has(body, "title") && (typeof body.title !== "string" || body.title.trim() === "")) throw badBodyParam("title", "title must be a non-empty string");
  Object.assign(poll, applyPollBody(body, poll), { updated_at: ctx.clock.iso });
  return presentPoll(poll);
}

// A path index: 1..count for an existing item, count + 1 to append when `appendable`.
function indexParam(raw, count, what, appendable) {
  const index = /^[1-9]\d*$/.test(raw) ? Number(raw) : NaN;
  if (!(index <= count || (appendable && index === count + 1))) throw notFound(what, raw);
  return index;
}

const reindex = (items) => items.forEach((item, i) => { item.index = i + 1; });

function requireQuestion(ctx, poll) {
  return poll.questions[indexParam(ctx.params.question_id, poll.questions.length, "Question", false) - 1];
}

function updateQuestion(ctx) {
  const poll = requirePoll(ctx);
  const index = indexParam(ctx.params.question_id, poll.questions.length, "Question", true);
  poll.questions[index - 1] = normalizeQuestion(objectBody(ctx.body), index, "");
  poll.updated_at = ctx.clock.iso;
  return structuredClone(poll.questions[index - 1]);
}

// The real API answers 204; this dispatcher answers 200 with an empty body.
function deleteQuestion(ctx) {
  const poll = requirePoll(ctx);
  const question = requireQuestion(ctx, poll);
  poll.questions.splice(question.index - 1, 1);
  reindex(poll.questions);
  poll.updated_at = ctx.clock.iso;
  return undefined;
}

function updateOption(ctx) {
  const poll = requirePoll(ctx);
  const question = requireQuestion(ctx, poll);
  const index = indexParam(ctx.params.option_id, question.options.length, "Option", true);
  question.options[index - 1] = normalizeOption(objectBody(ctx.body), index, "");
  poll.updated_at = ctx.clock.iso;
  return structuredClone(question.options[index - 1]);
}

// The answer refers to options by index, so it follows the re-indexing.
function deleteOption(ctx) {
  const poll = requirePoll(ctx);
  const question = requireQuestion(ctx, poll);
  const index = indexParam(ctx.params.option_id, question.options.length, "Option", false);
  question.options.splice(index - 1, 1);
  reindex(question.options);
  if (Array.isArray(question.answer?.options)) {
    question.answer.options = question.answer.options.filter((i) => i !== index).map((i) => (i > index ? i - 1 : i));
  }
  poll.updated_at = ctx.clock.iso;
  return undefined;
}

export const pollHandlers = { createPoll, getPoll, updatePoll, updateQuestion, deleteQuestion, updateOption, deleteOption };
