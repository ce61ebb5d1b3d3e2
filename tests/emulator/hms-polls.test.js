// Polls: definitions (questions and options by 1-based index), and runs in sessions (answers
// through the control service; results and responses read back, with or without /v2).

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ORIGIN, assertError, call } from "./helpers.js";
import { OBJECT_ID, control, setup } from "./hms-helpers.js";

const QUESTIONS = [
  { text: "Best day?", type: "single-choice", options: [{ text: "Mon" }, { text: "Fri", weight: 2 }] },
  { text: "Which apply?", type: "multiple-choice", skippable: false, options: [{ text: "a" }, { text: "b" }, { text: "c" }] },
  { text: "Why?", type: "short-answer", answer_min_len: 2, answer_max_len: 10 },
];

async function withPoll(body = {}) {
  const ctx = await setup();
  const created = await ctx.api.post("/polls", { title: "Friday poll", questions: QUESTIONS, ...body });
  assert.equal(created.status, 200, created.text);
  return { ...ctx, poll: created.body };
}

describe("poll definitions", () => {
  test("create fills the documented defaults and indexes questions and options from 1", async () => {
    const { poll } = await withPoll();
    assert.match(poll.id, OBJECT_ID);
    assert.deepEqual(Object.keys(poll), ["id", "title", "duration", "anonymous", "mode", "type", "start", "questions"]);
    assert.deepEqual([poll.title, poll.duration, poll.anonymous, poll.mode, poll.type, poll.start], ["Friday poll", 0, false, "userid", "poll", "auto"]);
    assert.deepEqual(poll.questions.map((q) => q.index), [1, 2, 3]);
    assert.deepEqual(poll.questions[0].options, [{ index: 1, text: "Mon", weight: 1 }, { index: 2, text: "Fri", weight: 2 }]);
    assert.deepEqual([poll.questions[0].skippable, poll.questions[0].once, poll.questions[0].weight, poll.questions[0].format], [true, false, 1, "text"]);
  });

  test("create errors -> 400 naming the field", async () => {
    const { api } = await setup();
    const cases = [
      [{}, "title"],
      [{ title: "  " }, "title"],
      [{ title: "t", type: "survey" }, "type"],
      [{ title: "t", mode: "email" }, "mode"],
      [{ title: "t", start: "later" }, "start"],
      [{ title: "t", duration: -1 }, "duration"],
      [{ title: "t", anonymous: "no" }, "anonymous"],
      [{ title: "t", questions: {} }, "questions"],
      [{ title: "t", questions: [{ type: "essay" }] }, "questions.type"],
      [{ title: "t", questions: [{ options: [{ text: 5 }] }] }, "questions.options.text"],
      [{ title: "t", questions: [{ options: [{ text: "a" }], answer: { options: [2] } }] }, "questions.answer.options"],
    ];
    for (const [body, field] of cases) assertError(assert, await api.post("/polls", body), 400, `Invalid body param: ${field}`);
  });

  test("GET and POST /polls/:id; unknown or foreign poll -> 404 Poll not found", async () => {
    const { api, other, poll } = await withPoll();
    assert.deepEqual((await api.get(`/polls/${poll.id}`)).body, poll);
    const updated = (await api.post(`/polls/${poll.id}`, { title: "Renamed", type: "quiz" })).body;
    assert.deepEqual([updated.title, updated.type, updated.questions.length], ["Renamed", "quiz", 3]);
    assertError(assert, await api.get("/polls/0123456789abcdef01234567"), 404, "Poll not found");
    assertError(assert, await other.get(`/polls/${poll.id}`), 404, "Poll not found");
    assertError(assert, await api.post(`/polls/${poll.id}`, { title: "" }), 400, "Invalid body param: title");
  });

  test("questions: rewrite one, append n+1, delete re-indexes; other indexes -> 404", async () => {
    const { api, poll } = await withPoll();
    const q = (id) => `/polls/${poll.id}/questions/${id}`;
    const rewritten = (await api.post(q(2), { text: "Pick one", type: "single-choice", options: [{ text: "x" }] })).body;
    assert.deepEqual([rewritten.index, rewritten.text, rewritten.options.length], [2, "Pick one", 1]);
    assert.equal((await api.post(q(4), { text: "Appended" })).body.index, 4);
    assertError(assert, await api.post(q(6), { text: "gap" }), 404, "Question not found");
    assertError(assert, await api.post(q("zero"), { text: "x" }), 404, "Question not found");
    const deleted = await api.del(q(1));
    assert.equal(deleted.status, 200);
    assert.equal(deleted.text, "");
    const after = (await api.get(`/polls/${poll.id}`)).body.questions;
    assert.deepEqual(after.map((x) => [x.index, x.text]), [[1, "Pick one"], [2, "Why?"], [3, "Appended"]]);
    assertError(assert, await api.del(q(4)), 404, "Question not found");
  });

  test("options: rewrite, append, delete (the answer follows the re-indexing); unknown -> 404", async () => {
    const { api, poll } = await withPoll({ questions: [{ text: "q", options: [{ text: "a" }, { text: "b" }, { text: "c" }], answer: { options: [3] } }] });
    const o = (id) => `/polls/${poll.id}/questions/1/options/${id}`;
    assert.deepEqual((await api.post(o(2), { text: "B", weight: 5 })).body, { index: 2, text: "B", weight: 5 });
    assert.equal((await api.post(o(4), { text: "d" })).body.index, 4);
    assertError(assert, await api.post(o(2), { weight: "heavy" }), 400, "Invalid body param: weight");
    assert.equal((await api.del(o(1))).status, 200);
    const question = (await api.get(`/polls/${poll.id}`)).body.questions[0];
    assert.deepEqual(question.options.map((x) => [x.index, x.text]), [[1, "B"], [2, "c"], [3, "d"]]);
    assert.deepEqual(question.answer.options, [2], "answer option 3 (c) became 2");
    assertError(assert, await api.del(o(9)), 404, "Option not found");
    assertError(assert, await api.post(`/polls/${poll.id}/questions/7/options/1`, { text: "x" }), 404, "Question not found");
  });
});

describe("polls in sessions", () => {
  async function answered() {
    const ctx = await withPoll();
    const { emu, room, poll } = ctx;
    const ann = emu.hms.addPeer(room.id, { user_id: "u-ann", name: "Ann", role: "host" });
    const bob = emu.hms.addPeer(room.id, { user_id: "u-bob", name: "Bob", role: "guest" });
    const overHttp = await control(emu, "POST", `/rooms/${room.id}/polls/${poll.id}/responses`, {
      peer_id: ann.id,
      responses: [{ question: 1, option: 2 }, { question: 2, options: [1, 3] }, { question: 3, text: "fun" }],
    });
    assert.equal(overHttp.status, 200, overHttp.text);
    emu.hms.answerPoll(room.id, poll.id, { peer_id: bob.id, responses: [{ question: 1, option: 2 }, { question: 3, skipped: true }] });
    return { ...ctx, ann, bob, sessionId: ann.session_id, responses: overHttp.body.responses };
  }

  test("the run, its results and responses, under /v2 and without it", async () => {
    const { emu, api, room, poll, sessionId, ann, responses } = await answered();
    const base = `/polls/${poll.id}/sessions/${sessionId}`;
    const run = (await api.get(base)).body;
    assert.deepEqual({ ...run, started_at: undefined }, {
      poll_id: poll.id, session_id: sessionId, room_id: room.id, state: "started", started_at: undefined, stopped_at: null,
      total_response: 5, user_count: 2, max_user: 2,
    });
    const unversioned = await call(emu, "GET", `${ORIGIN}/100ms${base}`, { token: api.token });
    assert.deepEqual(unversioned.body, run);
    assert.equal((await call(emu, "GET", `${ORIGIN}/100ms${base}`)).status, 401, "the unversioned reads need the token too");

    const results = (await api.get(`${base}/results`)).body;
    assert.deepEqual(results.data.map((r) => [r.id, r.total, r.skipped, r.options ?? null]), [
      ["1", 2, 0, [0, 2]], ["2", 1, 0, [1, 0, 1]], ["3", 2, 1, null],
    ]);
    assert.deepEqual((await api.get(`${base}/results/2`)).body, results.data[1]);
    assertError(assert, await api.get(`${base}/results/9`), 404, "Poll result not found");

    const list = (await api.get(`${base}/responses`)).body;
    assert.equal(list.data.length, 5);
    const [first] = list.data;
    assert.deepEqual(first, responses[0]);
    assert.deepEqual([first.question, first.type, first.option, first.skipped, first.peer], [1, "single-choice", 2, false, { peerid: ann.id, userid: "u-ann", username: "Ann" }]);
    assert.ok(!("text" in list.data[4]), "a skipped answer has no answer fields");
    assert.deepEqual((await api.get(`${base}/responses/${first.id}`)).body, first);
    assert.deepEqual((await call(emu, "GET", `${ORIGIN}/100ms${base}/responses/${first.id}`, { token: api.token })).body, first);
    assertError(assert, await api.get(`${base}/responses/0123456789abcdef01234567`), 404, "Poll response not found");
    const paged = (await api.get(`${base}/responses?limit=2`)).body;
    assert.equal(paged.last, list.data[1].id);

    await api.post(`/active-rooms/${room.id}/end-room`, {});
    assert.equal((await api.get(base)).body.state, "stopped");
  });

  test("reads of a run that did not happen, or of unknown things -> 404", async () => {
    const { emu, api, other, poll, sessionId } = await answered();
    const second = (await api.post("/polls", { title: "never run" })).body;
    assertError(assert, await api.get(`/polls/${second.id}/sessions/${sessionId}`), 404, "Poll session not found");
    assertError(assert, await api.get(`/polls/${poll.id}/sessions/0123456789abcdef01234567/results`), 404, "Session not found");
    assertError(assert, await other.get(`/polls/${poll.id}/sessions/${sessionId}/responses`), 404, "Poll not found");
    assertError(assert, await call(emu, "GET", `${ORIGIN}/100ms/polls/${second.id}/sessions/${sessionId}`, { token: api.token }), 404, "Poll session not found");
  });

  test("answers are checked against the questions", async () => {
    const { emu, room, poll, ann } = await answered();
    const send = (responses, peer_id = ann.id) => control(emu, "POST", `/rooms/${room.id}/polls/${poll.id}/responses`, { peer_id, responses });
    assertError(assert, await send([{ question: 1, option: 3 }]), 400, "Invalid body param: responses[0].option");
    assertError(assert, await send([{ question: 2, options: [] }]), 400, "Invalid body param: responses[0].options");
    assertError(assert, await send([{ question: 2, skipped: true }]), 400, "Invalid body param: responses[0].skipped");
    assertError(assert, await send([{ question: 3, text: "way too long an answer" }]), 400, "Invalid body param: responses[0].text");
    assertError(assert, await send([{ question: 9, option: 1 }]), 400, "Invalid body param: responses[0].question");
    assertError(assert, await send([]), 400, "Invalid body param: responses");
    assertError(assert, await send([{ question: 1, option: 1 }], "nobody"), 404, "Peer not found");
    assertError(assert, await control(emu, "POST", `/rooms/${room.id}/polls/0123456789abcdef01234567/responses`, { peer_id: ann.id, responses: [{ question: 1, option: 1 }] }), 404, "Poll not found");
  });

  test("quiz answers are marked correct; once-only questions refuse a second answer; anonymous polls hide the peer", async () => {
    const { emu, api, room } = await setup();
    const quiz = (await api.post("/polls", {
      title: "quiz", type: "quiz", anonymous: true,
      questions: [{ text: "2+2?", once: true, options: [{ text: "3" }, { text: "4" }], answer: { options: [2] } }],
    })).body;
    const ann = emu.hms.addPeer(room.id, { role: "host" });
    const bob = emu.hms.addPeer(room.id, { role: "guest" });
    const [right] = emu.hms.answerPoll(room.id, quiz.id, { peer_id: ann.id, responses: [{ question: 1, option: 2 }] });
    const [wrong] = emu.hms.answerPoll(room.id, quiz.id, { peer_id: bob.id, responses: [{ question: 1, option: 1 }] });
    assert.deepEqual([right.correct, wrong.correct], [true, false]);
    assert.deepEqual(right.peer, { peerid: "", userid: "", username: "" });
    assert.throws(() => emu.hms.answerPoll(room.id, quiz.id, { peer_id: ann.id, responses: [{ question: 1, option: 1 }] }), /Response can not be updated/);
    const result = (await api.get(`/polls/${quiz.id}/sessions/${ann.session_id}/results/1`)).body;
    assert.deepEqual([result.correct, result.options], [1, [1, 1]]);
    assert.equal((await api.get(`/polls/${quiz.id}/sessions/${ann.session_id}`)).body.user_count, 2);
  });
});
