//! What `std`'s prelude would bring, for a `no_std` crate that allocates: `use
//! crate::prelude::*;` in a module that needs it.

pub(crate) use alloc::borrow::ToOwned;
pub(crate) use alloc::format;
pub(crate) use alloc::string::String;
pub(crate) use alloc::vec;
pub(crate) use alloc::vec::Vec;
