//! Test-only crate: see tests/room_apis.rs.
