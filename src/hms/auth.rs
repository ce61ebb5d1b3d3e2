//! The room-code exchange: `POST <authBaseUrl>/token` with `{code, user_id}` answers an app
//! token. It needs no secret and no management token, so it also runs in a browser.

use crate::endpoint::{Endpoint, Host, Reply};
use crate::schema::{opt, req, Rule, Schema};

static EXCHANGE_BODY: Schema = Schema::of(&[req("code", Rule::Identifier), opt("user_id", Rule::Identifier)]);

/// `POST /token`: the `auth.exchangeRoomCode` call.
pub static EXCHANGE_ROOM_CODE: Endpoint = Endpoint::post("auth.exchangeRoomCode", "/token", Reply::Object(&["token"]))
    .body(&EXCHANGE_BODY)
    .on(Host::Auth, false)
    .idempotent();

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::HttpResponse;
    use crate::json::Value;
    #[allow(unused_imports)]
    use std::{borrow::ToOwned, format, string::String, string::ToString, vec, vec::Vec};

    #[test]
    fn exchange_posts_code_and_user_id_without_credentials() {
        let req = EXCHANGE_ROOM_CODE
            .build("https://auth.100ms.live/v2", &[], &Value::Null, &json!({"code": "abc-defg-hij", "user_id": "u1"}))
            .unwrap();
        assert_eq!(req.url, "https://auth.100ms.live/v2/token");
        assert_eq!(req.body.as_deref(), Some(r#"{"code":"abc-defg-hij","user_id":"u1"}"#));
        assert_eq!(req.header("authorization"), None);
        let err = EXCHANGE_ROOM_CODE.build("https://a", &[], &Value::Null, &json!({"user_id": "u"})).unwrap_err();
        assert_eq!(err.message(), "code: is required");
    }

    #[test]
    fn exchange_answers_the_token_or_the_providers_error() {
        let ok = EXCHANGE_ROOM_CODE.parse(&HttpResponse::new(200, r#"{"token":"a.b.c"}"#)).unwrap();
        assert_eq!(ok["token"], "a.b.c");
        let err = EXCHANGE_ROOM_CODE
            .parse(&HttpResponse::new(404, r#"{"code":404,"message":"Room code not found"}"#))
            .unwrap_err();
        assert_eq!(err.code().as_str(), "not_found");
        let err = EXCHANGE_ROOM_CODE.parse(&HttpResponse::new(200, r#"{"tok":"x"}"#)).unwrap_err();
        assert_eq!(err.code().as_str(), "invalid_response");
    }
}
