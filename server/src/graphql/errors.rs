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
        if let Some(message) = one_line_syntax_error(&error.message) {
            error.message = message;
        }
        add_code(error);
    }
    response
}

/// The parser's error is drawn over several lines (` --> 1:14`, the source line, a caret,
/// `= expected …`); people and apps get one: "syntax error at line 1, column 14: expected …".
fn one_line_syntax_error(message: &str) -> Option<String> {
    let location = message.trim_start().strip_prefix("--> ")?.lines().next()?.trim();
    let (line, column) = location.split_once(':')?;
    let expected = message
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("= "))
        .unwrap_or("unexpected input");
    Some(format!("syntax error at line {line}, column {column}: {expected}"))
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

    #[test]
    fn syntax_errors_are_told_in_one_line() {
        let drawn = " --> 1:14\n  |\n1 | { __typename \n  |              ^---\n  |\n  = expected selection_set, selection, directive, or arguments";
        assert_eq!(
            one_line_syntax_error(drawn).as_deref(),
            Some("syntax error at line 1, column 14: expected selection_set, selection, directive, or arguments")
        );
        assert_eq!(one_line_syntax_error("Unknown field \"x\" on type \"Query\"."), None);
    }
}
