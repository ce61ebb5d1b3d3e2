// Polls in sessions: peers answer a poll during a session (simulated through the control
// service, as peers are), and the API reads back the poll's run in that session, its results
// per question and the individual responses. 100ms does not document these shapes; they follow
// the fields of 100ms's own client SDK poll protocol (response: question, type, skipped,
// option(s), text, peer{peerid, userid, username}; result: question, options counts, skipped,
// correct, total), with the list paging of the rest of the API.

import { activeSessionOf, presentPeersOf } from "./sessions.js";
import { notFound, requireOwned } from "./lookup.js";
import { isChoice, requirePoll } from "./polls.js";
import { HttpError, badBodyParam, objectBody } from "../shared/http.js";
import { objectId, unique } from "../shared/ids.js";
import { paginate } from "./paging.js";

const runKey = (pollId, sessionId) => `${pollId}:${sessionId}`;

function requireRun(ctx) {
  const poll = requirePoll(ctx);
  const session = requireOwned(ctx, ctx.state.sessions, "Session", ctx.params.session_id);
  const run = ctx.state.pollRuns.get(runKey(poll.id, session.id));
  if (!run) throw new HttpError(404, "Poll session not found", [`poll ${poll.id} has not run in session ${session.id}`]);
  return { poll, session, run };
}

const responsesOf = (state, run) =>
  [...state.pollResponses.values()].filter((r) => r.poll_id === run.poll_id && r.session_id === run.session_id);

function presentRun(ctx, { session, run }) {
  const responses = responsesOf(ctx.state, run);
  return {
    poll_id: run.poll_id,
    session_id: run.session_id,
    room_id: run.room_id,
    state: session.active ? "started" : "stopped",
    started_at: run.started_at,
    stopped_at: session.active ? null : session.updated_at,
    total_response: responses.length,
    user_count: new Set(responses.map((r) => r.voter)).size,
    max_user: Object.keys(session.peers).length,
  };
}

function resultOf(poll, question, responses) {
  const answers = responses.filter((r) => r.question === question.index);
  const answered = answers.filter((r) => !r.skipped);
  const result = {
    id: String(question.index),
    question: question.index,
    type: question.type,
    total: answers.length,
    skipped: answers.length - answered.length,
  };
  if (isChoice(question)) {
    result.options = question.options.map((o) => answered.filter((r) => r.option === o.index || r.options?.includes(o.index)).length);
  }
  if (poll.type === "quiz" && question.answer) result.correct = answered.filter((r) => r.correct).length;
  return result;
}

function presentResponse({ id, poll_id, session_id, room_id, question, type, skipped, option, options, text, correct, peer, created_at }) {
  const answer = skipped ? {} : { ...(option === undefined ? {} : { option }), ...(options === undefined ? {} : { options }), ...(text === undefined ? {} : { text }) };
  return structuredClone({
    id, poll_id, session_id, room_id, question, type, skipped, ...answer,
    ...(correct === undefined ? {} : { correct }), final: true, peer, created_at,
  });
}

function getRun(ctx) {
  return presentRun(ctx, requireRun(ctx));
}

function listResults(ctx) {
  const { poll, run } = requireRun(ctx);
  const responses = responsesOf(ctx.state, run);
  const results = poll.questions.map((q) => resultOf(poll, q, responses));
  return paginate(results, { query: ctx.query, keyOf: (r) => r.id, matches: () => true });
}

function getResult(ctx) {
  const { poll, run } = requireRun(ctx);
  const question = poll.questions.find((q) => String(q.index) === ctx.params.result_id);
  if (!question) throw notFound("Poll result", ctx.params.result_id);
  return resultOf(poll, question, responsesOf(ctx.state, run));
}

function listResponses(ctx) {
  const { run } = requireRun(ctx);
  const page = paginate(responsesOf(ctx.state, run), { query: ctx.query, keyOf: (r) => r.id, matches: () => true });
  return { ...page, data: page.data.map(presentResponse) };
}

function getResponse(ctx) {
  const { run } = requireRun(ctx);
  const response = ctx.state.pollResponses.get(ctx.params.response_id);
  if (!response || response.poll_id !== run.poll_id || response.session_id !== run.session_id) {
    throw notFound("Poll response", ctx.params.response_id);
  }
  return presentResponse(response);
}

export const pollRunHandlers = { getRun, listResults, getResult, listResponses, getResponse };

// --- answering, from the control service ---

const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x));

function checkAnswerShape(question, answer, field) {
  const valid = (i) => Number.isInteger(i) && i >= 1 && i <= question.options.length;
  if (question.type === "single-choice" && !valid(answer.option)) {
    throw badBodyParam(`${field}.option`, `option must be an option index of question ${question.index} (1 to ${question.options.length})`);
  }
  if (question.type === "multiple-choice" && !(Array.isArray(answer.options) && answer.options.length > 0 && answer.options.every(valid))) {
    throw badBodyParam(`${field}.options`, `options must list option indexes of question ${question.index}`);
  }
  if (!isChoice(question)) {
    const { text } = answer;
    if (typeof text !== "string" || text.length < question.answer_min_len || text.length > question.answer_max_len) {
      throw badBodyParam(`${field}.text`, `text must be a string of ${question.answer_min_len} to ${question.answer_max_len} characters`);
    }
  }
}

function isCorrect(question, answer) {
  const expected = question.answer;
  if (question.type === "single-choice") return (expected.options ?? []).includes(answer.option);
  if (question.type === "multiple-choice") return sameSet(expected.options ?? [], answer.options);
  const normalize = (s) => (expected.trim ? s.trim() : s);
  const [a, b] = [normalize(answer.text), normalize(expected.text ?? "")];
  return expected.case ? a === b : a.toLowerCase() === b.toLowerCase();
}

function checkResponse(ctx, poll, run, voter, answer, field) {
  if (answer === null || typeof answer !== "object" || Array.isArray(answer)) throw badBodyParam(field, "each response must be an object");
  const question = poll.questions.find((q) => q.index === answer.question);
  if (!question) throw badBodyParam(`${field}.question`, `poll ${poll.id} has no question ${answer.question}`);
  if (answer.skipped === true) {
    if (!question.skippable) throw badBodyParam(`${field}.skipped`, `question ${question.index} cannot be skipped`);
  } else {
    checkAnswerShape(question, answer, field);
  }
  if (question.once && responsesOf(ctx.state, run).some((r) => r.voter === voter && r.question === question.index)) {
    throw new HttpError(400, "Response can not be updated", [`question ${question.index} accepts one response per voter`]);
  }
  return question;
}

// body: { peer_id, responses: [{ question, option | options | text | skipped }] }
export function answerPoll(ctx, room, pollId, rawBody) {
  const body = objectBody(rawBody);
  const session = activeSessionOf(ctx.state, room.id);
  if (!session) throw new HttpError(404, "Room is not active", [`room ${room.id} has no active session`]);
  const peer = presentPeersOf(session).find((p) => p.id === body.peer_id);
  if (!peer) throw new HttpError(404, "Peer not found", [`no peer ${body.peer_id} in the active session`]);
  const poll = ctx.state.polls.get(pollId);
  if (!poll || poll.app_id !== room.app_id) throw notFound("Poll", pollId);
  if (!Array.isArray(body.responses) || body.responses.length === 0) throw badBodyParam("responses", "responses must be a non-empty array");
  const key = runKey(poll.id, session.id);
  const run = ctx.state.pollRuns.get(key) ?? { poll_id: poll.id, session_id: session.id, room_id: room.id, app_id: room.app_id, started_at: ctx.clock.iso };
  const voter = poll.mode === "peerid" ? peer.id : poll.mode === "username" ? peer.name : peer.user_id;
  const questions = body.responses.map((answer, i) => checkResponse(ctx, poll, run, voter, answer, `responses[${i}]`));
  ctx.state.pollRuns.set(key, run);
  return body.responses.map((answer, i) => {
    const question = questions[i];
    const skipped = answer.skipped === true;
    const response = {
      id: unique(objectId, (id) => ctx.state.pollResponses.has(id)),
      poll_id: poll.id,
      session_id: session.id,
      room_id: room.id,
      question: question.index,
      type: question.type,
      skipped,
      option: skipped || question.type !== "single-choice" ? undefined : answer.option,
      options: skipped || question.type !== "multiple-choice" ? undefined : [...answer.options],
      text: skipped || isChoice(question) ? undefined : answer.text,
      correct: poll.type === "quiz" && question.answer && !skipped ? isCorrect(question, answer) : undefined,
      // "anonymous: peer id or user id is not stored"; the voter key only counts users.
      peer: poll.anonymous ? { peerid: "", userid: "", username: "" } : { peerid: peer.id, userid: peer.user_id, username: peer.name },
      voter,
      created_at: ctx.clock.iso,
    };
    ctx.state.pollResponses.set(response.id, response);
    return presentResponse(response);
  });
}
