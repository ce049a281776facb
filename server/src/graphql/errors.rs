//! Every error leaves with a contract code. Ours carry one already (`AppError`); the library's
//! own — parse and validation failures, depth and complexity limits — are the client's input
//! errors and get BAD_USER_INPUT, with the argument they name as `field`.

use std::sync::Arc;

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextRequest, NextSubscribe};
use async_graphql::{Response, ServerError};
use futures::stream::BoxStream;
use futures::StreamExt;

pub struct ErrorCodes;

impl ExtensionFactory for ErrorCodes {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(ErrorCodesExtension)
    }
}

struct ErrorCodesExtension;

#[async_trait::async_trait]
impl Extension for ErrorCodesExtension {
    async fn request(&self, ctx: &ExtensionContext<'_>, next: NextRequest<'_>) -> Response {
        with_codes(next.run(ctx).await)
    }

    fn subscribe<'s>(
        &self,
        ctx: &ExtensionContext<'_>,
        stream: BoxStream<'s, Response>,
        next: NextSubscribe<'_>,
    ) -> BoxStream<'s, Response> {
        next.run(ctx, stream).map(with_codes).boxed()
    }
}

fn with_codes(mut response: Response) -> Response {
    for error in &mut response.errors {
        add_code(error);
    }
    response
}

pub fn add_code(error: &mut ServerError) {
    let extensions = error.extensions.get_or_insert_with(Default::default);
    if extensions.get("code").is_some() {
        return;
    }
    extensions.set("code", "BAD_USER_INPUT");
    if let Some(field) = argument_named_in(&error.message) {
        extensions.set("field", field);
    }
}

/// `Invalid value for argument "input.symptoms.2", ...` → `symptoms`.
fn argument_named_in(message: &str) -> Option<String> {
    let rest = message.split_once("argument \"")?.1;
    let path = rest.split_once('"')?.0;
    path.rsplit('.')
        .find(|segment| segment.parse::<usize>().is_err())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_innermost_named_argument_is_the_field() {
        assert_eq!(
            argument_named_in(
                r#"Invalid value for argument "input.symptoms.2", enumeration type "Symptom" does not contain the value "SNEEZE""#
            ),
            Some("symptoms".into())
        );
        assert_eq!(argument_named_in("Query is nested too deep."), None);
    }
}
