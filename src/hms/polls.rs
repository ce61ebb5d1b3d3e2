//! Polls and quizzes. The collection lists the session, result and response reads without
//! `/v2` (`{{HOST}}/polls/...`); the API serves them under `/v2/polls/...` like every other
//! poll path, and that is what these declarations use.
//!
//! The docs fix a poll's title and type but not every question option, so question and
//! option bodies are open objects: their known fields are checked, the rest pass through.
//! The answers of the session reads (runs, results, responses) are not documented; their
//! types follow the fields of 100ms's own client poll protocol and keep everything else.

use super::common::Extra;
use super::HmsClient;
use crate::call::{calls, Retry, Validate};
use crate::error::Result;
use crate::open_enum::open_enum;
use crate::reply::Reply;
use crate::rules::{int_range, optional};
use serde::{Deserialize, Serialize};

open_enum! {
    /// Whether a poll is a plain poll or a quiz with correct answers.
    PollType {
        /// A poll.
        Poll = "poll",
        /// A quiz.
        Quiz = "quiz",
    }
}

open_enum! {
    /// The kind of a poll question.
    QuestionType {
        /// One option may be chosen.
        SingleChoice = "single-choice",
        /// Several options may be chosen.
        MultipleChoice = "multiple-choice",
        /// A short free-text answer.
        ShortAnswer = "short-answer",
        /// A long free-text answer.
        LongAnswer = "long-answer",
    }
}

open_enum! {
    /// Who counts as one voter of a poll.
    PollMode {
        /// One vote per user id.
        UserId = "userid",
        /// One vote per peer id.
        PeerId = "peerid",
        /// One vote per user name.
        UserName = "username",
    }
}

open_enum! {
    /// How a poll starts in a session.
    PollStart {
        /// As soon as it is created.
        Auto = "auto",
        /// When a peer starts it.
        Manual = "manual",
    }
}

/// A question or an option, as an open object (`polls.create` / `polls.update` pass them
/// through unchecked).
pub type OpenObject = serde_json::Map<String, serde_json::Value>;

/// Longest poll: a day, in seconds (0: no limit).
const MAX_DURATION: i64 = 86_400;
/// Largest option weight.
const MAX_WEIGHT: i64 = 1_000_000;

/// A new poll (`polls.create`): a title, and whatever else the poll API takes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct NewPoll {
    /// The poll's title.
    pub title: String,
    /// `poll` or `quiz`.
    #[serde(rename = "type")]
    pub kind: Option<PollType>,
    /// How long it runs, 0 to 86400 seconds.
    pub duration: Option<i64>,
    /// Whether voters stay unnamed.
    pub anonymous: Option<bool>,
    /// The questions, as the poll API takes them.
    pub questions: Option<Vec<OpenObject>>,
    /// Other poll fields, passed through.
    #[serde(flatten)]
    pub extra: Extra,
}

impl NewPoll {
    /// A poll with this title and nothing else.
    pub fn titled(title: impl Into<String>) -> Self {
        NewPoll {
            title: title.into(),
            kind: None,
            duration: None,
            anonymous: None,
            questions: None,
            extra: Extra::new(),
        }
    }
}

/// What `polls.update` changes; fields it leaves out keep their value.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct PollChanges {
    /// The poll's title.
    pub title: Option<String>,
    /// `poll` or `quiz`.
    #[serde(rename = "type")]
    pub kind: Option<PollType>,
    /// How long it runs, 0 to 86400 seconds.
    pub duration: Option<i64>,
    /// Whether voters stay unnamed.
    pub anonymous: Option<bool>,
    /// The questions, replacing the poll's.
    pub questions: Option<Vec<OpenObject>>,
    /// Other poll fields, passed through.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The rules a poll body follows.
fn check_poll(kind: Option<&PollType>, duration: Option<i64>) -> Result<()> {
    optional(kind, |kind| kind.check("type"))?;
    optional(duration.as_ref(), |d| int_range("duration", *d, 0, MAX_DURATION))
}

impl Validate for NewPoll {
    fn validate(&self) -> Result<()> {
        check_poll(self.kind.as_ref(), self.duration)
    }
}

impl Validate for PollChanges {
    fn validate(&self) -> Result<()> {
        check_poll(self.kind.as_ref(), self.duration)
    }
}

/// One question (`polls.updateQuestion`): its known fields checked, the rest passed through.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct QuestionFields {
    /// The question's text.
    pub text: Option<String>,
    /// Its kind.
    #[serde(rename = "type")]
    pub kind: Option<QuestionType>,
    /// Its options, as the poll API takes them.
    pub options: Option<Vec<OpenObject>>,
    /// Other question fields, passed through.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Validate for QuestionFields {
    fn validate(&self) -> Result<()> {
        optional(self.kind.as_ref(), |kind| kind.check("type"))
    }
}

/// One option of a question (`polls.updateOption`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct OptionFields {
    /// The option's text.
    pub text: Option<String>,
    /// Its weight, 0 to 1000000 (a quiz's score for it).
    pub weight: Option<i64>,
    /// Other option fields, passed through.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Validate for OptionFields {
    fn validate(&self) -> Result<()> {
        optional(self.weight.as_ref(), |w| int_range("weight", *w, 0, MAX_WEIGHT))
    }
}

/// A poll, as 100ms answers it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct Poll {
    /// The poll's id.
    pub id: String,
    /// Its title.
    pub title: Option<String>,
    /// `poll` or `quiz`.
    #[serde(rename = "type")]
    pub kind: Option<PollType>,
    /// How long it runs, in seconds (0: no limit).
    pub duration: Option<i64>,
    /// Whether voters stay unnamed.
    pub anonymous: Option<bool>,
    /// Who counts as one voter.
    pub mode: Option<PollMode>,
    /// How it starts in a session.
    pub start: Option<PollStart>,
    /// Its questions.
    pub questions: Option<Vec<PollQuestion>>,
    /// ISO 8601.
    pub created_at: Option<String>,
    /// ISO 8601.
    pub updated_at: Option<String>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A question of a poll, as 100ms answers it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct PollQuestion {
    /// Its 1-based place in the poll (the `questionId` of the paths).
    pub index: Option<i64>,
    /// Its text.
    pub text: Option<String>,
    /// The text's format.
    pub format: Option<String>,
    /// Attachments.
    pub attachment: Option<Vec<serde_json::Value>>,
    /// Whether it may be skipped.
    pub skippable: Option<bool>,
    /// How long it runs, in seconds.
    pub duration: Option<i64>,
    /// Whether an answer cannot be changed.
    pub once: Option<bool>,
    /// Its weight in a quiz.
    pub weight: Option<i64>,
    /// Shortest free-text answer.
    pub answer_min_len: Option<i64>,
    /// Longest free-text answer.
    pub answer_max_len: Option<i64>,
    /// Its kind.
    #[serde(rename = "type")]
    pub kind: Option<QuestionType>,
    /// A quiz's correct answer.
    pub answer: Option<serde_json::Value>,
    /// Its options.
    pub options: Option<Vec<PollOption>>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An option of a question, as 100ms answers it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct PollOption {
    /// Its 1-based place in the question (the `optionId` of the paths).
    pub index: Option<i64>,
    /// Its text.
    pub text: Option<String>,
    /// Its weight.
    pub weight: Option<i64>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A poll's run in one session (`polls.retrieveSession`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct PollSession {
    /// The poll.
    pub poll_id: Option<String>,
    /// The session.
    pub session_id: Option<String>,
    /// The session's room.
    pub room_id: Option<String>,
    /// `started` or `stopped`.
    pub state: Option<String>,
    /// ISO 8601.
    pub started_at: Option<String>,
    /// ISO 8601.
    pub stopped_at: Option<String>,
    /// How many responses it got.
    pub total_response: Option<i64>,
    /// How many voters answered.
    pub user_count: Option<i64>,
    /// How many peers could have.
    pub max_user: Option<i64>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The result of one question in one session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct PollResult {
    /// The result's id.
    pub id: Option<String>,
    /// The question's index.
    pub question: Option<i64>,
    /// The question's kind.
    #[serde(rename = "type")]
    pub kind: Option<QuestionType>,
    /// Responses in all.
    pub total: Option<i64>,
    /// Responses that skipped it.
    pub skipped: Option<i64>,
    /// Votes per option, in option order.
    pub options: Option<Vec<i64>>,
    /// Correct answers (quizzes).
    pub correct: Option<i64>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The results of a poll's questions in one session (`polls.retrieveResults`), as 100ms
/// answers them: a list object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct PollResults {
    /// The page size.
    pub limit: Option<i64>,
    /// The results.
    pub data: Option<Vec<PollResult>>,
    /// The cursor of the next page.
    pub last: Option<String>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Who answered (empty strings for an anonymous poll).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct PollVoter {
    /// The peer's id.
    pub peerid: Option<String>,
    /// The peer's user id.
    pub userid: Option<String>,
    /// The peer's name.
    pub username: Option<String>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One peer's answer to one question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct PollResponse {
    /// The response's id.
    pub id: Option<String>,
    /// The poll.
    pub poll_id: Option<String>,
    /// The session.
    pub session_id: Option<String>,
    /// The session's room.
    pub room_id: Option<String>,
    /// The question's index.
    pub question: Option<i64>,
    /// The question's kind.
    #[serde(rename = "type")]
    pub kind: Option<QuestionType>,
    /// Whether the question was skipped.
    pub skipped: Option<bool>,
    /// The option chosen (single choice).
    pub option: Option<i64>,
    /// The options chosen (multiple choice).
    pub options: Option<Vec<i64>>,
    /// The text answered (free text).
    pub text: Option<String>,
    /// Whether it is correct (quizzes).
    pub correct: Option<bool>,
    /// Whether it is final.
    #[serde(rename = "final")]
    pub is_final: Option<bool>,
    /// Who answered.
    pub peer: Option<PollVoter>,
    /// ISO 8601.
    pub created_at: Option<String>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The responses to a poll in one session (`polls.retrieveResponses`), as 100ms answers
/// them: a list object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct PollResponses {
    /// The page size.
    pub limit: Option<i64>,
    /// The responses.
    pub data: Option<Vec<PollResponse>>,
    /// The cursor of the next page.
    pub last: Option<String>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

const POLL: Reply = Reply::Object(&["id"]);
const OBJECT: Reply = Reply::Object(&[]);

calls! {
    provider HmsClient;

    /// `POST /polls`: creates a poll (each call makes a new one, so it is sent once).
    CreatePoll = "polls.create": Post "/polls" () body NewPoll => Poll, reply POLL;

    /// `GET /polls/{poll_id}`.
    GetPoll = "polls.retrieve": Get "/polls/{}" (poll_id: "pollId") none () => Poll, reply POLL;

    /// `POST /polls/{poll_id}`: changes a poll.
    UpdatePoll = "polls.update": Post "/polls/{}" (poll_id: "pollId") body PollChanges => Poll,
        reply POLL, retry Retry::Always;

    /// `POST /polls/{poll_id}/questions/{question_id}`: sets one question (the next index
    /// appends one).
    UpdatePollQuestion = "polls.updateQuestion": Post "/polls/{}/questions/{}"
        (poll_id: "pollId", question_id: "questionId") body QuestionFields => PollQuestion,
        reply OBJECT, retry Retry::Always;

    /// `DELETE /polls/{poll_id}/questions/{question_id}`.
    DeletePollQuestion = "polls.deleteQuestion": Delete "/polls/{}/questions/{}"
        (poll_id: "pollId", question_id: "questionId") none () => serde_json::Value, reply Reply::Empty;

    /// `POST /polls/{poll_id}/questions/{question_id}/options/{option_id}`: sets one option.
    UpdatePollOption = "polls.updateOption": Post "/polls/{}/questions/{}/options/{}"
        (poll_id: "pollId", question_id: "questionId", option_id: "optionId") body OptionFields => PollOption,
        reply OBJECT, retry Retry::Always;

    /// `DELETE /polls/{poll_id}/questions/{question_id}/options/{option_id}`.
    DeletePollOption = "polls.deleteOption": Delete "/polls/{}/questions/{}/options/{}"
        (poll_id: "pollId", question_id: "questionId", option_id: "optionId") none () => serde_json::Value,
        reply Reply::Empty;

    /// `GET /polls/{poll_id}/sessions/{session_id}`: the poll's run in a session.
    GetPollSession = "polls.retrieveSession": Get "/polls/{}/sessions/{}"
        (poll_id: "pollId", session_id: "sessionId") none () => PollSession, reply OBJECT;

    /// `GET /polls/{poll_id}/sessions/{session_id}/results`.
    GetPollResults = "polls.retrieveResults": Get "/polls/{}/sessions/{}/results"
        (poll_id: "pollId", session_id: "sessionId") none () => PollResults, reply OBJECT;

    /// `GET /polls/{poll_id}/sessions/{session_id}/results/{result_id}`.
    GetPollResult = "polls.retrieveResult": Get "/polls/{}/sessions/{}/results/{}"
        (poll_id: "pollId", session_id: "sessionId", result_id: "resultId") none () => PollResult, reply OBJECT;

    /// `GET /polls/{poll_id}/sessions/{session_id}/responses`.
    GetPollResponses = "polls.retrieveResponses": Get "/polls/{}/sessions/{}/responses"
        (poll_id: "pollId", session_id: "sessionId") none () => PollResponses, reply OBJECT;

    /// `GET /polls/{poll_id}/sessions/{session_id}/responses/{response_id}`.
    GetPollResponse = "polls.retrieveResponse": Get "/polls/{}/sessions/{}/responses/{}"
        (poll_id: "pollId", session_id: "sessionId", response_id: "responseId") none () => PollResponse,
        reply OBJECT;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::call::Call;
    use crate::client::Provider;
    use crate::http::{HttpRequest, Method};
    use crate::test_support::{body_json, hms_client, params, read};
    use serde_json::{json, Value};

    fn create(body: Value) -> Result<HttpRequest> {
        hms_client().request(&CreatePoll::new(params(body)?))
    }

    const BASE: &str = "https://api.100ms.live/v2";

    #[test]
    fn every_call_builds_its_exact_request() {
        let c = hms_client();
        let create =
            json!({"title": "Lunch?", "type": "poll", "questions": [{"text": "Where?", "type": "single-choice"}]});
        let cases: Vec<(HttpRequest, Method, &str, Option<Value>)> = vec![
            (
                c.request(&CreatePoll::new(params(create.clone()).unwrap())).unwrap(),
                Method::Post,
                "/polls",
                Some(create),
            ),
            (c.request(&GetPoll::new("p1")).unwrap(), Method::Get, "/polls/p1", None),
            (
                c.request(&UpdatePoll::new("p1", params(json!({"title": "Dinner?"})).unwrap())).unwrap(),
                Method::Post,
                "/polls/p1",
                Some(json!({"title": "Dinner?"})),
            ),
            (
                c.request(&UpdatePollQuestion::new("p1", "q1", params(json!({"text": "Where now?"})).unwrap()))
                    .unwrap(),
                Method::Post,
                "/polls/p1/questions/q1",
                Some(json!({"text": "Where now?"})),
            ),
            (c.request(&DeletePollQuestion::new("p1", "q1")).unwrap(), Method::Delete, "/polls/p1/questions/q1", None),
            (
                c.request(&UpdatePollOption::new("p1", "q1", "o1", params(json!({"text": "Here"})).unwrap())).unwrap(),
                Method::Post,
                "/polls/p1/questions/q1/options/o1",
                Some(json!({"text": "Here"})),
            ),
            (
                c.request(&DeletePollOption::new("p1", "q1", "o1")).unwrap(),
                Method::Delete,
                "/polls/p1/questions/q1/options/o1",
                None,
            ),
            (c.request(&GetPollSession::new("p1", "s1")).unwrap(), Method::Get, "/polls/p1/sessions/s1", None),
            (c.request(&GetPollResults::new("p1", "s1")).unwrap(), Method::Get, "/polls/p1/sessions/s1/results", None),
            (
                c.request(&GetPollResult::new("p1", "s1", "x1")).unwrap(),
                Method::Get,
                "/polls/p1/sessions/s1/results/x1",
                None,
            ),
            (
                c.request(&GetPollResponses::new("p1", "s1")).unwrap(),
                Method::Get,
                "/polls/p1/sessions/s1/responses",
                None,
            ),
            (
                c.request(&GetPollResponse::new("p1", "s1", "x1")).unwrap(),
                Method::Get,
                "/polls/p1/sessions/s1/responses/x1",
                None,
            ),
        ];
        for (req, method, path, expected) in cases {
            assert_eq!(req.method, method, "{path}");
            assert_eq!(req.url, format!("{BASE}{path}"));
            assert_eq!(req.body.as_deref().map(|b| serde_json::from_str::<Value>(b).unwrap()), expected, "{path}");
        }
    }

    #[test]
    fn only_the_create_is_sent_once() {
        assert!(!create(json!({"title": "t"})).unwrap().idempotent);
        assert!(UpdatePoll::new("p", PollChanges::default()).idempotent());
        assert!(UpdatePollQuestion::new("p", "q", QuestionFields::default()).idempotent());
        assert!(UpdatePollOption::new("p", "q", "o", OptionFields::default()).idempotent());
        assert!(DeletePollQuestion::new("p", "q").idempotent());
        assert!(GetPollResults::new("p", "s").idempotent());
    }

    #[test]
    fn create_needs_a_title_and_a_known_type() {
        let err = create(json!({"questions": []})).unwrap_err();
        assert_eq!(err.message(), "title: is required");
        assert_eq!(
            create(json!({"title": "t", "type": "survey"})).unwrap_err().message(),
            "type: must be one of poll, quiz"
        );
        assert!(create(json!({"title": "t", "type": "quiz"})).is_ok());
        let err = create(json!({"title": 1})).unwrap_err();
        assert_eq!(err.field(), Some("title"));
        assert!(err.message().starts_with("title: must be a string, not a number"), "{}", err.message());
        let typed = hms_client().request(&CreatePoll::new(NewPoll::titled("Lunch?"))).unwrap();
        assert_eq!(typed.body.as_deref(), Some(r#"{"title":"Lunch?"}"#));
    }

    #[test]
    fn duration_is_0_to_a_day() {
        assert!(create(json!({"title": "t", "duration": 0})).is_ok());
        assert!(create(json!({"title": "t", "duration": 86400})).is_ok());
        for bad in [-1, 86401] {
            assert_eq!(
                create(json!({"title": "t", "duration": bad})).unwrap_err().message(),
                "duration: must be an integer from 0 to 86400"
            );
        }
        let update = |body: Value| hms_client().request(&UpdatePoll::new("p", params(body)?));
        assert_eq!(
            update(json!({"duration": 86401})).unwrap_err().message(),
            "duration: must be an integer from 0 to 86400"
        );
        assert_eq!(update(json!({"type": "survey"})).unwrap_err().message(), "type: must be one of poll, quiz");
        let err = update(json!({"anonymous": "yes"})).unwrap_err();
        assert_eq!(err.field(), Some("anonymous"));
    }

    #[test]
    fn open_bodies_check_known_fields_and_pass_the_rest() {
        let req = create(json!({
            "title": "Quiz", "mode": "peerid", "start": "manual", "description": null,
            "questions": [{"text": "?", "whatever": [1, 2]}]
        }))
        .unwrap();
        assert_eq!(
            body_json(&req),
            // A member passed through (not one of the poll's typed fields) is sent as given,
            // `null` included.
            json!({"title": "Quiz", "mode": "peerid", "start": "manual", "description": null,
                "questions": [{"text": "?", "whatever": [1, 2]}]})
        );
        let question = |body: Value| hms_client().request(&UpdatePollQuestion::new("p", "1", params(body)?));
        let req = question(
            json!({"text": "Best?", "type": "multiple-choice", "skippable": false, "options": [{"text": "a"}]}),
        )
        .unwrap();
        assert_eq!(body_json(&req)["skippable"], false);
        assert_eq!(
            question(json!({"type": "essay"})).unwrap_err().message(),
            "type: must be one of single-choice, multiple-choice, short-answer, long-answer"
        );
        let option = |body: Value| hms_client().request(&UpdatePollOption::new("p", "1", "2", params(body)?));
        assert!(option(json!({"text": "a", "weight": 1_000_000, "extra": true})).is_ok());
        assert_eq!(
            option(json!({"weight": -1})).unwrap_err().message(),
            "weight: must be an integer from 0 to 1000000"
        );
        assert_eq!(
            option(json!({"weight": 1_000_001})).unwrap_err().message(),
            "weight: must be an integer from 0 to 1000000"
        );
    }

    #[test]
    fn path_arguments_are_checked() {
        let err = hms_client().request(&DeletePollOption::new("p", "q", "..")).unwrap_err();
        assert_eq!(err.message(), "optionId: must not be . or ..");
        let err = hms_client().request(&GetPollResponse::new("p", "", "r")).unwrap_err();
        assert_eq!(err.message(), "sessionId: must be a non-empty string");
        let req = hms_client().request(&GetPoll::new("a b")).unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/polls/a%20b");
    }

    #[test]
    fn answers_parse_and_keep_unknown_fields() {
        let poll = r#"{"id":"p1","title":"Lunch?","duration":0,"anonymous":false,"mode":"userid","type":"quiz","start":"auto",
            "questions":[{"index":1,"text":"Where?","format":"text","attachment":[],"skippable":true,"duration":0,"once":false,
            "weight":1,"answer_min_len":0,"answer_max_len":1024,"type":"single-choice","answer":{"options":[1]},
            "options":[{"index":1,"text":"Here","weight":1}]}],"brand_new":1}"#;
        let poll: Poll = read(GetPoll::SPEC.reply, poll).unwrap();
        assert_eq!(poll.kind, Some(PollType::Quiz));
        assert_eq!(poll.mode, Some(PollMode::UserId));
        let question = &poll.questions.as_ref().unwrap()[0];
        assert_eq!(question.kind, Some(QuestionType::SingleChoice));
        assert_eq!(question.options.as_ref().unwrap()[0].text.as_deref(), Some("Here"));
        assert_eq!(poll.extra["brand_new"], 1);
        let err = read::<Poll>(GetPoll::SPEC.reply, r#"{"title":"no id"}"#).unwrap_err();
        assert_eq!(err.code().as_str(), "invalid_response");
        let odd: Poll = read(GetPoll::SPEC.reply, r#"{"id":"p","type":"survey"}"#).unwrap();
        assert_eq!(odd.kind, Some(PollType::Other("survey".into())), "a new type still parses");

        let results = r#"{"limit":10,"data":[{"id":"1","question":1,"type":"single-choice","total":2,"skipped":0,"options":[1,1],"correct":1}],"last":"1"}"#;
        let results: PollResults = read(GetPollResults::SPEC.reply, results).unwrap();
        assert_eq!(results.data.as_ref().unwrap()[0].options, Some(vec![1, 1]));
        let responses = r#"{"limit":10,"data":[{"id":"r1","poll_id":"p1","session_id":"s1","room_id":"room","question":1,"type":"short-answer",
            "skipped":false,"text":"hi","final":true,"peer":{"peerid":"pe","userid":"u","username":"Ana"},"created_at":"2024-01-01T00:00:00Z"}]}"#;
        let responses: PollResponses = read(GetPollResponses::SPEC.reply, responses).unwrap();
        let first = &responses.data.as_ref().unwrap()[0];
        assert_eq!(first.is_final, Some(true));
        assert_eq!(first.peer.as_ref().unwrap().username.as_deref(), Some("Ana"));
        let run = r#"{"poll_id":"p1","session_id":"s1","room_id":"r","state":"stopped","started_at":"x","stopped_at":null,"total_response":3,"user_count":2,"max_user":5}"#;
        let run: PollSession = read(GetPollSession::SPEC.reply, run).unwrap();
        assert_eq!(run.user_count, Some(2));
        let deleted: Value = read(DeletePollQuestion::SPEC.reply, "").unwrap();
        assert_eq!(deleted, Value::Null);
    }
}
