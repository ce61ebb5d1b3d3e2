//! [`Pages`]: a list call walked page by page, or as a `Stream` of its items. The next page's
//! params are the list's own with the provider's cursor moved on ([`Next::merge_into`]), so
//! the filters given stay for every page.

use super::Client;
use crate::call::Call;
use crate::client::{Env, Provider, Transport};
use crate::error::{Error, ErrorCode, Result};
use crate::reply::{Next, Page};
use futures_core::Stream;

/// The pages of one list call: [`Pages::next_page`] for a page at a time,
/// [`Pages::into_stream`] for the items one by one. Made by the namespaced list methods
/// (`hms.rooms().list(filters)`) and [`Client::pages`].
pub struct Pages<C, P, T, E> {
    client: Client<P, T, E>,
    /// The call of the next page; `None` once the last page has been read.
    call: Option<C>,
    /// Where the page just read said the next one starts.
    last_next: Option<Next>,
}

impl<C, P, T, E, Item> Pages<C, P, T, E>
where
    C: Call<Provider = P, Response = Page<Item>>,
    P: Provider,
    T: Transport,
    E: Env,
{
    pub(super) fn new(client: Client<P, T, E>, call: C) -> Self {
        Pages { client, call: Some(call), last_next: None }
    }

    /// The next page's items; `None` once the last page has been read. After an error the
    /// same page is asked for again by the next call.
    pub async fn next_page(&mut self) -> Result<Option<Vec<Item>>> {
        let Some(call) = self.call.as_mut() else { return Ok(None) };
        let Page { items, next } =
            self.client.provider().send(self.client.transport(), self.client.env(), call).await?;
        match next {
            Some(next) if self.last_next.as_ref() == Some(&next) => {
                self.call = None;
                return Err(Error::new(
                    ErrorCode::InvalidResponse,
                    "the response is not the documented JSON: the next page starts where this one did (the list would never end)",
                ));
            }
            Some(next) => {
                next.merge_into(call.params_mut())?;
                self.last_next = Some(next);
            }
            None => self.call = None,
        }
        Ok(Some(items))
    }

    /// The items of every page, in order, fetching each page when the one before is used up.
    /// An error ends the stream after it is yielded.
    pub fn into_stream(self) -> impl Stream<Item = Result<Item>> {
        let items: std::vec::IntoIter<Item> = Vec::new().into_iter();
        futures_util::stream::unfold(Some((self, items)), |state| async move {
            let (mut pages, mut items) = state?;
            loop {
                if let Some(item) = items.next() {
                    return Some((Ok(item), Some((pages, items))));
                }
                match pages.next_page().await {
                    Ok(Some(page)) => items = page.into_iter(),
                    Ok(None) => return None,
                    Err(error) => return Some((Err(error), None)),
                }
            }
        })
    }
}
