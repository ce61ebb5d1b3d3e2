//! The ready client over any transport (`ClientBuilder::build_with`), with no feature: the
//! builder's checks, calls as namespaced methods, minting with the client's clock, the
//! room-code exchange as a method, and list calls walked page by page or as a stream.

mod common;

use common::{authorization_claims, block_on, env, FixedEnv, Scripted, NOW};
use edgeroom::hms::auth::RoomCodeGrant;
use edgeroom::hms::rooms::{RoomFilters, RoomSettings};
use edgeroom::http::HttpResponse;
use edgeroom::prelude::*;
use edgeroom::token::decode_token;
use edgeroom::videosdk::rooms::RoomFilters as VideoSdkRoomFilters;
use futures_util::{StreamExt, TryStreamExt};

fn hms(answers: Vec<HttpResponse>) -> Client<HmsClient, Scripted, FixedEnv> {
    HmsClient::builder().access_key("key").secret("secret").build_with(Scripted::new(answers), env()).unwrap()
}

fn vsdk(answers: Vec<HttpResponse>) -> Client<VideoSdkClient, Scripted, FixedEnv> {
    VideoSdkClient::builder().api_key("key").secret("secret").build_with(Scripted::new(answers), env()).unwrap()
}

fn page(ids: &[&str], last: Option<&str>) -> HttpResponse {
    let items: Vec<String> = ids.iter().map(|id| format!(r#"{{"id":"{id}"}}"#)).collect();
    let last = last.map_or("null".to_owned(), |l| format!(r#""{l}""#));
    HttpResponse::new(200, format!(r#"{{"limit":2,"data":[{}],"last":{last}}}"#, items.join(",")))
}

#[test]
fn the_builder_checks_what_it_is_given_and_names_the_field() {
    let refused = |result: Result<HmsClient>| result.unwrap_err();
    let error = refused(HmsClient::builder().secret("secret").build_provider());
    assert_eq!((error.code(), error.field()), (ErrorCode::InvalidArgument, Some("accessKey")));
    let error = refused(HmsClient::builder().access_key("key").build_provider());
    assert_eq!(error.field(), Some("secret"));
    let error = refused(HmsClient::builder().access_key("key").secret("s").base_url("ftp://x").build_provider());
    assert_eq!(error.field(), Some("baseUrl"));
    let error = refused(HmsClient::builder().access_key("key").secret("s").retries(11).build_provider());
    assert_eq!(error.message(), "retries: must be an integer from 0 to 10");
    let error = VideoSdkClient::builder().secret("secret").build_provider().unwrap_err();
    assert_eq!(error.field(), Some("apiKey"));
}

#[test]
fn the_secret_is_never_in_debug_output() {
    let builder = HmsClient::builder().access_key("key").secret("the-secret-value");
    assert!(!format!("{builder:?}").contains("the-secret-value"), "{builder:?}");
    let client = hms(vec![HttpResponse::new(200, r#"{"id":"r1"}"#)]);
    block_on(client.rooms().get("r1")).unwrap();
    let management = client.management_token().unwrap().token;
    let debug = format!("{client:?}");
    assert!(!debug.contains("\"secret\"") && !debug.contains(&management), "{debug}");
    assert!(debug.contains("<redacted>"), "{debug}");
}

#[test]
fn calls_are_methods_that_send_the_declared_request_with_credentials() {
    let client = hms(vec![HttpResponse::new(200, r#"{"id":"r1","name":"standup"}"#)]);
    let room = block_on(client.rooms().create(RoomSettings::named("standup"))).unwrap();
    assert_eq!((room.id.as_str(), room.name.as_deref()), ("r1", Some("standup")));
    let sent = client.transport().sent.borrow();
    assert_eq!(sent[0].url, "https://api.100ms.live/v2/rooms");
    assert_eq!(authorization_claims(&sent[0], "Bearer ")["type"], "management");
}

#[test]
fn bad_input_is_refused_before_anything_is_sent() {
    let client = hms(vec![]);
    let error = block_on(client.rooms().create(RoomSettings::named("not valid!"))).unwrap_err();
    assert_eq!((error.code(), error.field()), (ErrorCode::InvalidArgument, Some("name")));
    assert_eq!(client.transport().sent_count(), 0);
}

#[test]
fn both_providers_mint_with_one_shape_and_the_clients_clock() {
    let token = hms(vec![]).token(&AppGrant::new("r1", "host").user_id("u1"), &Validity::default()).unwrap();
    let claims = decode_token(&token.token).unwrap().claims;
    assert_eq!((claims["room_id"].as_str(), claims["role"].as_str()), (Some("r1"), Some("host")));
    assert_eq!(claims["user_id"], "u1");
    assert_eq!(token.expires_at, NOW - 10 + 24 * 3600, "100ms back-dates iat by 10 s");

    let grant = VideoSdkGrant::new([Permission::AllowJoin]).room_id("abcd-efgh-ijkl").role(VideoSdkRole::Rtc);
    let token = vsdk(vec![]).token(&grant, &Validity::default()).unwrap();
    let claims = decode_token(&token.token).unwrap().claims;
    assert_eq!(claims["roomId"], "abcd-efgh-ijkl");
    assert_eq!(claims["permissions"], serde_json::json!(["allow_join"]));
    assert_eq!(token.expires_at, NOW + 24 * 3600);
}

#[test]
fn the_room_code_exchange_is_a_method_without_credentials() {
    let client = HmsClient::builder()
        .access_key("key")
        .secret("secret")
        .auth_base_url("http://127.0.0.1:9/auth")
        .build_with(Scripted::new(vec![HttpResponse::new(200, r#"{"token":"a.b.c"}"#)]), env())
        .unwrap();
    let auth = block_on(client.auth().exchange_room_code(RoomCodeGrant::new("abc-defg-hij"))).unwrap();
    assert_eq!(auth.token, "a.b.c");
    let sent = client.transport().sent.borrow();
    assert_eq!(sent[0].url, "http://127.0.0.1:9/auth/token");
    assert_eq!(sent[0].header("authorization"), None);
}

#[test]
fn a_list_is_walked_page_by_page_with_the_filters_kept() {
    let client = hms(vec![page(&["r1", "r2"], Some("c2")), page(&["r3"], None)]);
    let mut pages = client.rooms().list(RoomFilters { limit: Some(2), ..RoomFilters::default() });
    let first = block_on(pages.next_page()).unwrap().unwrap();
    assert_eq!(first.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["r1", "r2"]);
    let second = block_on(pages.next_page()).unwrap().unwrap();
    assert_eq!(second.len(), 1);
    assert_eq!(block_on(pages.next_page()).unwrap(), None, "after the last page");
    let sent = client.transport().sent.borrow();
    assert_eq!(sent[0].url, "https://api.100ms.live/v2/rooms?limit=2");
    assert_eq!(sent[1].url, "https://api.100ms.live/v2/rooms?limit=2&start=c2");
    assert_eq!(sent.len(), 2);
}

#[test]
fn a_list_is_a_stream_of_its_items() {
    let client = hms(vec![page(&["r1", "r2"], Some("c2")), page(&[], Some("c3")), page(&["r3"], None)]);
    let ids: Vec<String> =
        block_on(client.rooms().list(RoomFilters::default()).into_stream().map_ok(|r| r.id).try_collect()).unwrap();
    assert_eq!(ids, ["r1", "r2", "r3"], "an empty page in the middle is passed over");

    let pages = r#"{"pageInfo":{"currentPage":1,"lastPage":2},"data":[{"roomId":"a"}]}"#;
    let last = r#"{"pageInfo":{"currentPage":2,"lastPage":2},"data":[{"roomId":"b"}]}"#;
    let client = vsdk(vec![HttpResponse::new(200, pages), HttpResponse::new(200, last)]);
    let rooms: Vec<_> = block_on(
        client
            .rooms()
            .list(VideoSdkRoomFilters { per_page: Some(1), ..Default::default() })
            .into_stream()
            .try_collect(),
    )
    .unwrap();
    let ids: Vec<&str> = rooms.iter().map(|r: &edgeroom::videosdk::rooms::Room| r.room_id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    let sent = client.transport().sent.borrow();
    assert_eq!(sent[1].url, "https://api.videosdk.live/v2/rooms?page=2&perPage=1", "the page moved on, the size kept");
}

#[test]
fn a_stream_ends_after_an_error_and_a_cursor_that_repeats_is_one() {
    let client = Client::from_parts(
        HmsClient::builder().access_key("key").secret("secret").retries(0).build_provider().unwrap(),
        Scripted::new(vec![page(&["r1"], Some("c2")), HttpResponse::new(500, r#"{"message":"down"}"#)]),
        env(),
    );
    let items: Vec<Result<_>> = block_on(client.rooms().list(RoomFilters::default()).into_stream().collect());
    assert_eq!(items.len(), 2);
    assert_eq!(items[1].as_ref().unwrap_err().status(), Some(500));

    // A page that says the next one starts where it did would repeat forever: refused.
    let client = hms(vec![page(&["r1"], Some("c2")), page(&["r2"], Some("c2"))]);
    let items: Vec<Result<_>> = block_on(client.rooms().list(RoomFilters::default()).into_stream().collect());
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].as_ref().unwrap().id, "r1");
    let error = items[1].as_ref().unwrap_err();
    assert_eq!(error.code(), ErrorCode::InvalidResponse);
    assert!(error.message().contains("the next page starts where this one did"), "{error}");
}

#[test]
fn clones_share_one_management_token() {
    let client = hms(vec![HttpResponse::new(200, r#"{"id":"r1"}"#), HttpResponse::new(200, r#"{"id":"r2"}"#)]);
    let other = client.clone();
    block_on(client.rooms().get("r1")).unwrap();
    block_on(other.rooms().get("r2")).unwrap();
    let sent = client.transport().sent.borrow();
    assert_eq!(sent[0].header("authorization"), sent[1].header("authorization"));
    assert_eq!(client.management_token().unwrap().token, sent[0].header("authorization").unwrap()[7..]);
}
