//! What several VideoSDK resources share: unknown members, page queries, id rules.

use crate::call::Validate;
use crate::error::Result;
use crate::reply::MAX_PAGE;
use crate::rules::{identifier, int_range, optional};
use serde::{Deserialize, Serialize};

/// The members of an answer that its Rust type does not name: kept, so nothing the provider
/// sends is lost (and a field it adds never breaks a caller).
pub type Extra = serde_json::Map<String, serde_json::Value>;

/// The latest time a JavaScript `Date` holds, in epoch milliseconds (the bound of the
/// `startDate`/`endDate` filters).
pub const MAX_EPOCH_MS: i64 = 8_640_000_000_000_000;

/// VideoSDK lists are page-based: `page` from 1, `perPage` up to 100.
pub fn check_page(page: Option<i64>, per_page: Option<i64>) -> Result<()> {
    optional(page.as_ref(), |page| int_range("page", *page, 1, MAX_PAGE as i64))?;
    optional(per_page.as_ref(), |per_page| int_range("perPage", *per_page, 1, 100))
}

/// An optional id, checked as an identifier.
pub fn check_id(field: &str, id: Option<&str>) -> Result<()> {
    optional(id, |id| identifier(field, id).map(drop))
}

/// The page of a list that takes no other filter.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct PageQuery {
    /// The page, from 1 (a page's `next`).
    pub page: Option<i64>,
    /// Page size, 1 to 100.
    pub per_page: Option<i64>,
}

impl Validate for PageQuery {
    fn validate(&self) -> Result<()> {
        check_page(self.page, self.per_page)
    }
}

/// A room, by id (`rooms.deactivate`, `recordings.stop`, `rtmp.stop`, ...).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RoomRef {
    /// The room.
    pub room_id: String,
}

impl RoomRef {
    /// The room `room_id`.
    pub fn new(room_id: impl Into<String>) -> Self {
        RoomRef { room_id: room_id.into() }
    }
}

impl Validate for RoomRef {
    fn validate(&self) -> Result<()> {
        identifier("roomId", &self.room_id).map(drop)
    }
}
