//! Polls and quizzes. The collection lists the session, result and response reads without
//! `/v2` (`{{HOST}}/polls/...`); the API serves them under `/v2/polls/...` like every other
//! poll path, and that is what these declarations use.
//!
//! The docs fix a poll's title and type but not every question option, so question and
//! option bodies are open objects: their known fields are checked, the rest pass through.

use crate::endpoint::{Endpoint, Reply};
use crate::schema::{opt, req, Rule, Schema};

const POLL_ID: &[&str] = &["pollId"];
const QUESTION: &[&str] = &["pollId", "questionId"];
const OPTION: &[&str] = &["pollId", "questionId", "optionId"];
const SESSION: &[&str] = &["pollId", "sessionId"];
const OBJECT: Reply = Reply::Object(&[]);

static CREATE: Schema = Schema::open(&[
    req("title", Rule::Text),
    opt("type", Rule::OneOf(&["poll", "quiz"])),
    opt("duration", Rule::Int(0, 86_400)),
    opt("anonymous", Rule::Bool),
    opt("questions", Rule::List(&Rule::AnyObject)),
]);

static UPDATE: Schema = Schema::open(&[
    opt("title", Rule::Text),
    opt("type", Rule::OneOf(&["poll", "quiz"])),
    opt("duration", Rule::Int(0, 86_400)),
    opt("anonymous", Rule::Bool),
    opt("questions", Rule::List(&Rule::AnyObject)),
]);

static QUESTION_BODY: Schema = Schema::open(&[
    opt("text", Rule::Text),
    opt("type", Rule::OneOf(&["single-choice", "multiple-choice", "short-answer", "long-answer"])),
    opt("options", Rule::List(&Rule::AnyObject)),
]);

static OPTION_BODY: Schema = Schema::open(&[opt("text", Rule::Text), opt("weight", Rule::Int(0, 1_000_000))]);

/// `POST /polls`: the `polls.create` call.
pub static CREATE_POLL: Endpoint = Endpoint::post("polls.create", "/polls", Reply::Object(&["id"])).body(&CREATE);
/// `GET /polls/{}`: the `polls.retrieve` call.
pub static RETRIEVE: Endpoint = Endpoint::get("polls.retrieve", "/polls/{}", Reply::Object(&["id"])).args(POLL_ID);
/// `POST /polls/{}`: the `polls.update` call.
pub static UPDATE_POLL: Endpoint =
    Endpoint::post("polls.update", "/polls/{}", Reply::Object(&["id"])).args(POLL_ID).body(&UPDATE).idempotent();
/// `POST /polls/{}/questions/{}`: the `polls.updateQuestion` call.
pub static UPDATE_QUESTION: Endpoint = Endpoint::post("polls.updateQuestion", "/polls/{}/questions/{}", OBJECT)
    .args(QUESTION)
    .body(&QUESTION_BODY)
    .idempotent();
/// `DELETE /polls/{}/questions/{}`: the `polls.deleteQuestion` call.
pub static DELETE_QUESTION: Endpoint =
    Endpoint::delete("polls.deleteQuestion", "/polls/{}/questions/{}", Reply::Empty).args(QUESTION);
/// `POST /polls/{}/questions/{}/options/{}`: the `polls.updateOption` call.
pub static UPDATE_OPTION: Endpoint = Endpoint::post("polls.updateOption", "/polls/{}/questions/{}/options/{}", OBJECT)
    .args(OPTION)
    .body(&OPTION_BODY)
    .idempotent();
/// `DELETE /polls/{}/questions/{}/options/{}`: the `polls.deleteOption` call.
pub static DELETE_OPTION: Endpoint =
    Endpoint::delete("polls.deleteOption", "/polls/{}/questions/{}/options/{}", Reply::Empty).args(OPTION);
/// `GET /polls/{}/sessions/{}`: the `polls.retrieveSession` call.
pub static RETRIEVE_SESSION: Endpoint =
    Endpoint::get("polls.retrieveSession", "/polls/{}/sessions/{}", OBJECT).args(SESSION);
/// `GET /polls/{}/sessions/{}/results`: the `polls.retrieveResults` call.
pub static RETRIEVE_RESULTS: Endpoint =
    Endpoint::get("polls.retrieveResults", "/polls/{}/sessions/{}/results", OBJECT).args(SESSION);
/// `GET /polls/{}/sessions/{}/results/{}`: the `polls.retrieveResult` call.
pub static RETRIEVE_RESULT: Endpoint =
    Endpoint::get("polls.retrieveResult", "/polls/{}/sessions/{}/results/{}", OBJECT).args(&[
        "pollId",
        "sessionId",
        "resultId",
    ]);
/// `GET /polls/{}/sessions/{}/responses`: the `polls.retrieveResponses` call.
pub static RETRIEVE_RESPONSES: Endpoint =
    Endpoint::get("polls.retrieveResponses", "/polls/{}/sessions/{}/responses", OBJECT).args(SESSION);
/// `GET /polls/{}/sessions/{}/responses/{}`: the `polls.retrieveResponse` call.
pub static RETRIEVE_RESPONSE: Endpoint =
    Endpoint::get("polls.retrieveResponse", "/polls/{}/sessions/{}/responses/{}", OBJECT).args(&[
        "pollId",
        "sessionId",
        "responseId",
    ]);
