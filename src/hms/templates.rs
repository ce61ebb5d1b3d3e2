//! Templates (the policy API): roles, settings and recording configuration. Unlike the rest
//! of the API these objects are camelCase, and creating a template with an existing name
//! overwrites it. Their full shape is large and evolving, so bodies are open objects whose
//! known fields are checked.

use super::common::{check_limit, Extra};
use super::rooms::{check_room_name, Region};
use super::HmsClient;
use crate::call::{calls, Retry, Validate};
use crate::error::{Error, Result};
use crate::reply::{Page, Paging, Reply};
use crate::rules::{identifier, int_range, optional};
use serde::{Deserialize, Serialize};

/// A free-form object of the policy API (roles, settings, destinations, recording parts).
pub type OpenObject = serde_json::Map<String, serde_json::Value>;

/// The filters of `templates.list`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct TemplateFilters {
    /// Page size, 1 to 100.
    pub limit: Option<i64>,
    /// The cursor of the page to fetch (a page's `next`).
    pub start: Option<String>,
}

impl Validate for TemplateFilters {
    fn validate(&self) -> Result<()> {
        check_limit(self.limit)
    }
}

/// A new template (`templates.create`). A template of that name is overwritten, so the call
/// is an upsert by name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct NewTemplate {
    /// a-z A-Z 0-9 . - : _ only, as a room name.
    pub name: String,
    /// Its roles, by name.
    pub roles: Option<OpenObject>,
    /// Its settings.
    pub settings: Option<OpenObject>,
    /// Its destinations (recording, streaming, transcription).
    pub destinations: Option<OpenObject>,
    /// Other template fields, passed through.
    #[serde(flatten)]
    pub extra: Extra,
}

impl NewTemplate {
    /// A template with this name and 100ms's defaults.
    pub fn named(name: impl Into<String>) -> Self {
        NewTemplate { name: name.into(), roles: None, settings: None, destinations: None, extra: Extra::new() }
    }
}

impl Validate for NewTemplate {
    fn validate(&self) -> Result<()> {
        check_room_name("name", &self.name)
    }
}

/// What `templates.update` changes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct TemplateChanges {
    /// a-z A-Z 0-9 . - : _ only, as a room name.
    pub name: Option<String>,
    /// Its roles, by name.
    pub roles: Option<OpenObject>,
    /// Its settings.
    pub settings: Option<OpenObject>,
    /// Its destinations.
    pub destinations: Option<OpenObject>,
    /// Other template fields, passed through.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Validate for TemplateChanges {
    fn validate(&self) -> Result<()> {
        optional(self.name.as_deref(), |name| check_room_name("name", name))
    }
}

/// A role's fields (`templates.createOrUpdateRole`), camelCase on the wire.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct RoleFields {
    /// What the role publishes.
    pub publish_params: Option<OpenObject>,
    /// What it subscribes to.
    pub subscribe_params: Option<OpenObject>,
    /// What it may do.
    pub permissions: Option<OpenObject>,
    /// Its priority, 1 to 5.
    pub priority: Option<i64>,
    /// Most peers of the role at once, 0 (no limit) to 20000.
    pub max_peer_count: Option<i64>,
    /// Other role fields, passed through.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Validate for RoleFields {
    fn validate(&self) -> Result<()> {
        optional(self.priority.as_ref(), |p| int_range("priority", *p, 1, 5))?;
        optional(self.max_peer_count.as_ref(), |n| int_range("maxPeerCount", *n, 0, 20_000))
    }
}

/// A template's settings (`templates.updateSettings`): an open object.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SettingsChanges {
    /// The settings, passed through.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Validate for SettingsChanges {}

/// One recording configuration of a template, camelCase on the wire.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct RecordingConfig {
    /// The configuration's name.
    pub name: String,
    /// The role whose view is recorded.
    pub role: String,
    /// Longest recording, 1 to 86400 seconds.
    pub max_duration: Option<i64>,
    /// Life of the presigned URLs, 60 to 604800 seconds.
    pub presign_duration: Option<i64>,
    /// Thumbnail settings.
    pub thumbnails: Option<OpenObject>,
    /// Composite recording settings.
    pub composite_recording: Option<OpenObject>,
    /// Track recording settings.
    pub track_recording: Option<OpenObject>,
    /// Stream recording settings.
    pub stream_recording: Option<OpenObject>,
    /// Other fields, passed through (and whatever else 100ms answers).
    #[serde(flatten)]
    pub extra: Extra,
}

impl RecordingConfig {
    /// A configuration recording `role`'s view.
    pub fn new(name: impl Into<String>, role: impl Into<String>) -> Self {
        RecordingConfig {
            name: name.into(),
            role: role.into(),
            max_duration: None,
            presign_duration: None,
            thumbnails: None,
            composite_recording: None,
            track_recording: None,
            stream_recording: None,
            extra: Extra::new(),
        }
    }
}

impl Validate for RecordingConfig {
    fn validate(&self) -> Result<()> {
        identifier("name", &self.name)?;
        identifier("role", &self.role)?;
        optional(self.max_duration.as_ref(), |d| int_range("maxDuration", *d, 1, 86_400))?;
        optional(self.presign_duration.as_ref(), |d| int_range("presignDuration", *d, 60, 604_800))
    }
}

/// The body of `templates.configureRecordings`: a JSON array of exactly one configuration
/// ("currently only one recordingConfig object is allowed").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RecordingConfigs(pub Vec<RecordingConfig>);

impl From<RecordingConfig> for RecordingConfigs {
    fn from(config: RecordingConfig) -> Self {
        RecordingConfigs(vec![config])
    }
}

impl Validate for RecordingConfigs {
    fn validate(&self) -> Result<()> {
        if self.0.len() != 1 {
            return Err(Error::invalid("params", "must be an array of 1 to 1 objects"));
        }
        self.0
            .iter()
            .enumerate()
            .try_for_each(|(i, config)| config.validate().map_err(|e| e.within(&format!("params[{i}]"))))
    }
}

/// A template, as 100ms answers it (camelCase).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct Template {
    /// The template's id.
    pub id: String,
    /// Its name.
    pub name: Option<String>,
    /// The workspace's customer id.
    pub customer_id: Option<String>,
    /// The app it belongs to.
    pub app_id: Option<String>,
    /// Whether new rooms get it by default.
    pub default: Option<bool>,
    /// Its roles, by name.
    pub roles: Option<std::collections::BTreeMap<String, TemplateRole>>,
    /// Its settings.
    pub settings: Option<TemplateSettings>,
    /// Its destinations.
    pub destinations: Option<serde_json::Value>,
    /// ISO 8601.
    pub created_at: Option<String>,
    /// ISO 8601.
    pub updated_at: Option<String>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A role of a template, as 100ms answers it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct TemplateRole {
    /// The role's name.
    pub name: Option<String>,
    /// What it publishes.
    pub publish_params: Option<serde_json::Value>,
    /// What it subscribes to.
    pub subscribe_params: Option<serde_json::Value>,
    /// What it may do.
    pub permissions: Option<serde_json::Value>,
    /// Its priority.
    pub priority: Option<i64>,
    /// Most peers of the role at once (0: no limit).
    pub max_peer_count: Option<i64>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A template's settings, as 100ms answers them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct TemplateSettings {
    /// Where media is routed.
    pub region: Option<Region>,
    /// Recording settings.
    pub recording: Option<serde_json::Value>,
    /// Room-state updates.
    pub room_state: Option<serde_json::Value>,
    /// Retry settings.
    pub retry: Option<serde_json::Value>,
    /// Whatever else 100ms sends.
    #[serde(flatten)]
    pub extra: Extra,
}

const TEMPLATE: Reply = Reply::Object(&["id"]);
const OBJECT: Reply = Reply::Object(&[]);

calls! {
    provider HmsClient;

    /// `GET /templates`: one page of templates.
    ListTemplates = "templates.list": Get "/templates" () query TemplateFilters => Page<Template>,
        reply Reply::Page(Paging::DataLast);

    /// `GET /templates/{template_id}`.
    GetTemplate = "templates.retrieve": Get "/templates/{}" (template_id: "templateId") none () => Template,
        reply TEMPLATE;

    /// `POST /templates`: creates a template, or overwrites the one of that name (an upsert
    /// by its required name, so it is retried).
    CreateTemplate = "templates.create": Post "/templates" () body NewTemplate => Template,
        reply TEMPLATE, retry Retry::Always;

    /// `POST /templates/{template_id}`: changes a template.
    UpdateTemplate = "templates.update": Post "/templates/{}" (template_id: "templateId") body TemplateChanges
        => Template, reply TEMPLATE, retry Retry::Always;

    /// `GET /templates/{template_id}/roles/{role_name}`.
    GetTemplateRole = "templates.retrieveRole": Get "/templates/{}/roles/{}"
        (template_id: "templateId", role_name: "roleName") none () => TemplateRole, reply OBJECT;

    /// `POST /templates/{template_id}/roles/{role_name}`: creates the role or changes it.
    CreateOrUpdateTemplateRole = "templates.createOrUpdateRole": Post "/templates/{}/roles/{}"
        (template_id: "templateId", role_name: "roleName") body RoleFields => TemplateRole,
        reply OBJECT, retry Retry::Always;

    /// `DELETE /templates/{template_id}/roles/{role_name}`.
    DeleteTemplateRole = "templates.deleteRole": Delete "/templates/{}/roles/{}"
        (template_id: "templateId", role_name: "roleName") none () => serde_json::Value, reply Reply::Empty;

    /// `GET /templates/{template_id}/settings`.
    GetTemplateSettings = "templates.retrieveSettings": Get "/templates/{}/settings"
        (template_id: "templateId") none () => TemplateSettings, reply OBJECT;

    /// `POST /templates/{template_id}/settings`: sets the settings.
    UpdateTemplateSettings = "templates.updateSettings": Post "/templates/{}/settings"
        (template_id: "templateId") body SettingsChanges => TemplateSettings, reply OBJECT, retry Retry::Always;

    /// `GET /templates/{template_id}/recordings`: the recording configurations, an array.
    GetRecordingsConfig = "templates.retrieveRecordingsConfig": Get "/templates/{}/recordings"
        (template_id: "templateId") none () => Vec<RecordingConfig>, reply Reply::Json;

    /// `POST /templates/{template_id}/recordings`: sets the recording configuration.
    ConfigureRecordings = "templates.configureRecordings": Post "/templates/{}/recordings"
        (template_id: "templateId") body RecordingConfigs => Vec<RecordingConfig>, reply Reply::Json,
        retry Retry::Always;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::call::Call;
    use crate::client::Provider;
    use crate::http::{HttpRequest, Method};
    use crate::test_support::{body_json, hms_client, params, read};
    use serde_json::{json, Value};

    fn configure(value: Value) -> Result<HttpRequest> {
        hms_client().request(&ConfigureRecordings::new("t", params(value)?))
    }

    const BASE: &str = "https://api.100ms.live/v2";

    #[test]
    fn every_call_builds_its_exact_request() {
        let c = hms_client();
        let create = json!({"name": "webinar", "roles": {"host": {"name": "host"}}});
        let update = json!({"settings": {"region": "eu"}});
        let recordings = json!([{"name": "composite", "role": "host", "maxDuration": 3600}]);
        let cases: Vec<(HttpRequest, Method, &str, Option<Value>)> = vec![
            (c.request(&ListTemplates::new(TemplateFilters::default())).unwrap(), Method::Get, "/templates", None),
            (c.request(&GetTemplate::new("t1")).unwrap(), Method::Get, "/templates/t1", None),
            (
                c.request(&CreateTemplate::new(params(create.clone()).unwrap())).unwrap(),
                Method::Post,
                "/templates",
                Some(create),
            ),
            (
                c.request(&UpdateTemplate::new("t1", params(update.clone()).unwrap())).unwrap(),
                Method::Post,
                "/templates/t1",
                Some(update),
            ),
            (c.request(&GetTemplateRole::new("t1", "host")).unwrap(), Method::Get, "/templates/t1/roles/host", None),
            (
                c.request(&CreateOrUpdateTemplateRole::new("t1", "host", params(json!({"priority": 1})).unwrap()))
                    .unwrap(),
                Method::Post,
                "/templates/t1/roles/host",
                Some(json!({"priority": 1})),
            ),
            (
                c.request(&DeleteTemplateRole::new("t1", "host")).unwrap(),
                Method::Delete,
                "/templates/t1/roles/host",
                None,
            ),
            (c.request(&GetTemplateSettings::new("t1")).unwrap(), Method::Get, "/templates/t1/settings", None),
            (
                c.request(&UpdateTemplateSettings::new("t1", params(json!({"region": "in"})).unwrap())).unwrap(),
                Method::Post,
                "/templates/t1/settings",
                Some(json!({"region": "in"})),
            ),
            (
                c.request(&ConfigureRecordings::new("t1", params(recordings.clone()).unwrap())).unwrap(),
                Method::Post,
                "/templates/t1/recordings",
                Some(recordings),
            ),
            (c.request(&GetRecordingsConfig::new("t1")).unwrap(), Method::Get, "/templates/t1/recordings", None),
        ];
        for (req, method, path, expected) in cases {
            assert_eq!(req.method, method, "{path}");
            assert_eq!(req.url, format!("{BASE}{path}"));
            assert_eq!(body_json(&req), expected.unwrap_or_default(), "{path}");
        }
    }

    #[test]
    fn list_takes_limit_and_start() {
        let filters = TemplateFilters { limit: Some(10), start: Some("t9".into()) };
        let req = hms_client().request(&ListTemplates::new(filters)).unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/templates?limit=10&start=t9");
        let err =
            hms_client().request(&ListTemplates::new(TemplateFilters { limit: Some(101), start: None })).unwrap_err();
        assert_eq!(err.message(), "limit: must be an integer from 1 to 100");
        let err = params::<TemplateFilters>(json!({"name": "x"})).unwrap_err();
        assert_eq!(err.field(), Some("name"));
    }

    #[test]
    fn names_follow_the_room_name_rule() {
        let create = |body: Value| hms_client().request(&CreateTemplate::new(params(body)?));
        assert_eq!(
            create(json!({"name": "has space"})).unwrap_err().message(),
            "name: only a-z A-Z 0-9 . - : _ are allowed"
        );
        assert_eq!(create(json!({"name": ""})).unwrap_err().message(), "name: must be a non-empty string");
        assert_eq!(create(json!({"roles": {}})).unwrap_err().message(), "name: is required");
        let err = create(json!({"name": "t", "roles": []})).unwrap_err();
        assert_eq!(err.field(), Some("roles"));
        let req = create(json!({"name": "t", "default": true})).unwrap();
        assert_eq!(body_json(&req), json!({"name": "t", "default": true}), "other fields pass through");
        assert!(req.idempotent, "a create is an upsert by name");
        let typed = hms_client().request(&CreateTemplate::new(NewTemplate::named("webinar"))).unwrap();
        assert_eq!(typed.body.as_deref(), Some(r#"{"name":"webinar"}"#));
        let update = |body: Value| hms_client().request(&UpdateTemplate::new("t", params(body)?));
        assert_eq!(update(json!({"name": "a/b"})).unwrap_err().message(), "name: only a-z A-Z 0-9 . - : _ are allowed");
        assert!(update(json!({})).is_ok());
    }

    #[test]
    fn role_fields_are_camel_case_and_ranged() {
        let role = |body: Value| hms_client().request(&CreateOrUpdateTemplateRole::new("t", "host", params(body)?));
        let req = role(
            json!({"publishParams": {"allowed": ["audio"]}, "maxPeerCount": 20000, "priority": 5, "name": "speaker"}),
        )
        .unwrap();
        assert_eq!(
            body_json(&req),
            json!({"publishParams": {"allowed": ["audio"]}, "maxPeerCount": 20000, "priority": 5, "name": "speaker"})
        );
        for bad in [0, 6] {
            assert_eq!(
                role(json!({ "priority": bad })).unwrap_err().message(),
                "priority: must be an integer from 1 to 5"
            );
        }
        assert_eq!(
            role(json!({"maxPeerCount": -1})).unwrap_err().message(),
            "maxPeerCount: must be an integer from 0 to 20000"
        );
        assert_eq!(
            role(json!({"maxPeerCount": 20001})).unwrap_err().message(),
            "maxPeerCount: must be an integer from 0 to 20000"
        );
        assert_eq!(role(json!({"permissions": "all"})).unwrap_err().field(), Some("permissions"));
    }

    #[test]
    fn recordings_take_exactly_one_config() {
        assert!(configure(json!([{"name": "x", "role": "host"}])).is_ok());
        let err = configure(json!({"name": "x", "role": "host"})).unwrap_err();
        assert_eq!(err.field(), Some("params"));
        assert!(err.message().starts_with("params: must be an array, not an object"), "{}", err.message());
        assert_eq!(configure(json!([])).unwrap_err().message(), "params: must be an array of 1 to 1 objects");
        let two = json!([{"name": "x", "role": "host"}, {"name": "y", "role": "host"}]);
        assert_eq!(configure(two).unwrap_err().message(), "params: must be an array of 1 to 1 objects");
        assert_eq!(configure(json!([{"name": "x"}])).unwrap_err().message(), "params[0].role: is required");
        assert_eq!(
            configure(json!([{"name": "x", "role": ""}])).unwrap_err().message(),
            "params[0].role: must be a non-empty string"
        );
        assert_eq!(
            configure(json!([{"name": "x", "role": "host", "maxDuration": 0}])).unwrap_err().message(),
            "params[0].maxDuration: must be an integer from 1 to 86400"
        );
        assert_eq!(
            configure(json!([{"name": "x", "role": "host", "presignDuration": 59}])).unwrap_err().message(),
            "params[0].presignDuration: must be an integer from 60 to 604800"
        );
        let req = configure(
            json!([{"name": "x", "role": "host", "compositeRecording": {"browserComposite": {}}, "custom": 1}]),
        )
        .unwrap();
        assert_eq!(
            body_json(&req),
            json!([{"name": "x", "role": "host", "compositeRecording": {"browserComposite": {}}, "custom": 1}])
        );
        assert!(req.idempotent);
        let typed =
            hms_client().request(&ConfigureRecordings::new("t", RecordingConfig::new("c", "host").into())).unwrap();
        assert_eq!(typed.body.as_deref(), Some(r#"[{"name":"c","role":"host"}]"#));
    }

    #[test]
    fn path_arguments_are_checked() {
        let err = hms_client().request(&DeleteTemplateRole::new("t", "..")).unwrap_err();
        assert_eq!(err.message(), "roleName: must not be . or ..");
        let req = hms_client().request(&GetTemplateRole::new("t", "co host")).unwrap();
        assert_eq!(req.url, "https://api.100ms.live/v2/templates/t/roles/co%20host");
    }

    #[test]
    fn answers_parse_and_keep_unknown_fields() {
        let template = r#"{"id":"t1","name":"webinar","customerId":"c","appId":"a","default":true,
            "roles":{"host":{"name":"host","publishParams":{"allowed":["audio"]},"priority":1,"maxPeerCount":0,"newThing":1}},
            "settings":{"region":"in","recording":null,"roomState":{"enabled":false},"retry":{}},
            "destinations":{},"createdAt":"0001-01-01T00:00:00Z","updatedAt":"0001-01-01T00:00:00Z","_id":"t1"}"#;
        let template: Template = read(GetTemplate::SPEC.reply, template).unwrap();
        assert_eq!(template.app_id.as_deref(), Some("a"));
        let host = &template.roles.as_ref().unwrap()["host"];
        assert_eq!(host.max_peer_count, Some(0));
        assert_eq!(host.extra["newThing"], 1);
        assert_eq!(template.settings.as_ref().unwrap().region, Some(Region::In));
        assert_eq!(template.extra["_id"], "t1");
        let err = read::<Template>(GetTemplate::SPEC.reply, r#"{"name":"no id"}"#).unwrap_err();
        assert_eq!(err.code().as_str(), "invalid_response");

        let page: Page<Template> =
            read(ListTemplates::SPEC.reply, r#"{"limit":1,"data":[{"id":"t1"}],"last":"t1"}"#).unwrap();
        assert_eq!(page.next, Some(crate::reply::Next::Start { start: "t1".into() }));

        let configs =
            r#"[{"name":"composite","role":"host","maxDuration":3600,"compositeRecording":{"browserComposite":{}}}]"#;
        let configs: Vec<RecordingConfig> = read(ConfigureRecordings::SPEC.reply, configs).unwrap();
        assert_eq!(configs[0].max_duration, Some(3600));
        let none: Vec<RecordingConfig> = read(GetRecordingsConfig::SPEC.reply, "[]").unwrap();
        assert!(none.is_empty());
        let err = read::<Vec<RecordingConfig>>(GetRecordingsConfig::SPEC.reply, "not json").unwrap_err();
        assert_eq!(err.code().as_str(), "invalid_response");
        let settings: TemplateSettings =
            read(GetTemplateSettings::SPEC.reply, r#"{"region":"eu","roomState":{"messageInterval":5}}"#).unwrap();
        assert_eq!(settings.room_state, Some(json!({"messageInterval": 5})));
        let deleted: Value = read(DeleteTemplateRole::SPEC.reply, "").unwrap();
        assert_eq!(deleted, Value::Null);
    }
}
