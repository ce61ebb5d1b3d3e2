//! Templates (the policy API): roles, settings and recording configuration. Unlike the rest
//! of the API these objects are camelCase, and creating a template with an existing name
//! overwrites it. Their full shape is large and evolving, so bodies are open objects whose
//! known fields are checked.

use super::common::LIMIT;
/// Template names follow the rule of room names.
use super::rooms::NAME;
use crate::endpoint::{Endpoint, Paging, Reply};
use crate::schema::{opt, req, Rule, Schema};

const TEMPLATE_ID: &[&str] = &["templateId"];
const ROLE: &[&str] = &["templateId", "roleName"];
const OBJECT: Reply = Reply::Object(&[]);

static LIST_QUERY: Schema = Schema::of(&[opt("limit", LIMIT), opt("start", Rule::Text)]);

static CREATE: Schema = Schema::open(&[
    req("name", NAME),
    opt("roles", Rule::AnyObject),
    opt("settings", Rule::AnyObject),
    opt("destinations", Rule::AnyObject),
]);

static UPDATE: Schema = Schema::open(&[
    opt("name", NAME),
    opt("roles", Rule::AnyObject),
    opt("settings", Rule::AnyObject),
    opt("destinations", Rule::AnyObject),
]);

static ROLE_BODY: Schema = Schema::open(&[
    opt("publishParams", Rule::AnyObject),
    opt("subscribeParams", Rule::AnyObject),
    opt("permissions", Rule::AnyObject),
    opt("priority", Rule::Int(1, 5)),
    opt("maxPeerCount", Rule::Int(0, 20_000)),
]);

static OPEN: Schema = Schema::open(&[]);

/// One recording configuration of a template ("currently only one ... is allowed").
static RECORDING_CONFIG: Schema = Schema::open(&[
    req("name", Rule::Identifier),
    req("role", Rule::Identifier),
    opt("maxDuration", Rule::Int(1, 86_400)),
    opt("presignDuration", Rule::Int(60, 604_800)),
    opt("thumbnails", Rule::AnyObject),
    opt("compositeRecording", Rule::AnyObject),
    opt("trackRecording", Rule::AnyObject),
    opt("streamRecording", Rule::AnyObject),
]);

/// `GET /templates`: the `templates.list` call.
pub static LIST: Endpoint =
    Endpoint::get("templates.list", "/templates", Reply::Page(Paging::DataLast)).query(&LIST_QUERY);
/// `GET /templates/{}`: the `templates.retrieve` call.
pub static RETRIEVE: Endpoint =
    Endpoint::get("templates.retrieve", "/templates/{}", Reply::Object(&["id"])).args(TEMPLATE_ID);
/// `POST /templates`: the `templates.create` call.
pub static CREATE_TEMPLATE: Endpoint =
    Endpoint::post("templates.create", "/templates", Reply::Object(&["id"])).body(&CREATE).idempotent_with("name");
/// `POST /templates/{}`: the `templates.update` call.
pub static UPDATE_TEMPLATE: Endpoint = Endpoint::post("templates.update", "/templates/{}", Reply::Object(&["id"]))
    .args(TEMPLATE_ID)
    .body(&UPDATE)
    .idempotent();
/// `GET /templates/{}/roles/{}`: the `templates.retrieveRole` call.
pub static RETRIEVE_ROLE: Endpoint =
    Endpoint::get("templates.retrieveRole", "/templates/{}/roles/{}", OBJECT).args(ROLE);
/// `POST /templates/{}/roles/{}`: the `templates.createOrUpdateRole` call.
pub static CREATE_OR_UPDATE_ROLE: Endpoint =
    Endpoint::post("templates.createOrUpdateRole", "/templates/{}/roles/{}", OBJECT)
        .args(ROLE)
        .body(&ROLE_BODY)
        .idempotent();
/// `DELETE /templates/{}/roles/{}`: the `templates.deleteRole` call.
pub static DELETE_ROLE: Endpoint =
    Endpoint::delete("templates.deleteRole", "/templates/{}/roles/{}", Reply::Empty).args(ROLE);
/// `GET /templates/{}/settings`: the `templates.retrieveSettings` call.
pub static RETRIEVE_SETTINGS: Endpoint =
    Endpoint::get("templates.retrieveSettings", "/templates/{}/settings", OBJECT).args(TEMPLATE_ID);
/// `POST /templates/{}/settings`: the `templates.updateSettings` call.
pub static UPDATE_SETTINGS: Endpoint = Endpoint::post("templates.updateSettings", "/templates/{}/settings", OBJECT)
    .args(TEMPLATE_ID)
    .body(&OPEN)
    .idempotent();
/// `GET /templates/{}/recordings`: the `templates.retrieveRecordingsConfig` call.
pub static RETRIEVE_RECORDINGS_CONFIG: Endpoint =
    Endpoint::get("templates.retrieveRecordingsConfig", "/templates/{}/recordings", Reply::Json).args(TEMPLATE_ID);
/// `POST /templates/{}/recordings`: the `templates.configureRecordings` call.
pub static CONFIGURE_RECORDINGS: Endpoint =
    Endpoint::post("templates.configureRecordings", "/templates/{}/recordings", Reply::Json)
        .args(TEMPLATE_ID)
        .list_body(&RECORDING_CONFIG, 1, 1)
        .idempotent();
