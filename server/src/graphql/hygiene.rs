//! Text no store may hold: PostgreSQL refuses the NUL character in text, which used to surface
//! as INTERNAL (and SQLite would keep it, so the two backends differed). Every string that
//! reaches a field argument — written in the document or passed as a variable, at any depth
//! of an input object — is checked before validation, and a NUL is BAD_USER_INPUT naming the
//! input field it was found in.

use std::sync::Arc;

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextParseQuery};
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::{Name, Positioned, ServerResult, Variables};
use async_graphql_value::{ConstValue, Value};

use crate::error::AppError;

pub struct NoNulInText;

impl ExtensionFactory for NoNulInText {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(NoNulInText)
    }
}

#[async_trait::async_trait]
impl Extension for NoNulInText {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let document = next.run(ctx, query, variables).await?;
        match field_with_nul(&document, variables) {
            None => Ok(document),
            Some(field) => Err(async_graphql::Error::from(AppError::bad_input(
                field,
                "text may not contain the NUL character",
            ))
            .into_server_error(async_graphql::Pos::default())),
        }
    }
}

/// The input field (argument or input-object key) of the first string holding a NUL.
pub fn field_with_nul(document: &ExecutableDocument, variables: &Variables) -> Option<String> {
    let sets = document
        .operations
        .iter()
        .map(|(_, operation)| &operation.node.selection_set)
        .chain(document.fragments.values().map(|fragment| &fragment.node.selection_set));
    for set in sets {
        if let Some(field) = in_selection_set(set, variables) {
            return Some(field);
        }
    }
    None
}

fn in_selection_set(set: &Positioned<SelectionSet>, variables: &Variables) -> Option<String> {
    for item in &set.node.items {
        let found = match &item.node {
            Selection::Field(field) => field
                .node
                .arguments
                .iter()
                .find_map(|(name, value)| in_value(&name.node, &value.node, variables))
                .or_else(|| in_selection_set(&field.node.selection_set, variables)),
            Selection::InlineFragment(fragment) => in_selection_set(&fragment.node.selection_set, variables),
            Selection::FragmentSpread(_) => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

fn in_value(field: &Name, value: &Value, variables: &Variables) -> Option<String> {
    match value {
        Value::String(text) => text.contains('\0').then(|| field.to_string()),
        Value::Variable(name) => variables.get(name).and_then(|value| in_const(field, value)),
        Value::List(items) => items.iter().find_map(|item| in_value(field, item, variables)),
        Value::Object(fields) => fields.iter().find_map(|(key, value)| in_value(key, value, variables)),
        _ => None,
    }
}

fn in_const(field: &Name, value: &ConstValue) -> Option<String> {
    match value {
        ConstValue::String(text) => text.contains('\0').then(|| field.to_string()),
        ConstValue::List(items) => items.iter().find_map(|item| in_const(field, item)),
        ConstValue::Object(fields) => fields.iter().find_map(|(key, value)| in_const(key, value)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn found(query: &str, variables: serde_json::Value) -> Option<String> {
        let document = async_graphql::parser::parse_query(query).unwrap();
        field_with_nul(&document, &Variables::from_json(variables))
    }

    #[test]
    fn a_nul_is_found_in_literals_and_variables_at_any_depth_and_named_by_its_field() {
        assert_eq!(
            found(
                r#"mutation { login(email: "a\u0000b", password: "x") { token } }"#,
                json!({})
            )
            .as_deref(),
            Some("email")
        );
        assert_eq!(
            found(
                "mutation($i: AbsenceInput!) { reportAbsence(input: $i) { id } }",
                json!({"i": {"childId": "c", "note": "x\u{0}"}})
            )
            .as_deref(),
            Some("note")
        );
        assert_eq!(
            found(
                "mutation($e: String!) { unregisterPushSubscription(endpoint: $e) }",
                json!({"e": "https://x/\u{0}"})
            )
            .as_deref(),
            Some("endpoint")
        );
        assert_eq!(found("query { a: child(id: \"x\") { ...F } } fragment F on Child { absences(from: \"2026-01-01\", to: \"2026-01-0\\u0000\") { id } }", json!({})).as_deref(), Some("to"));
        assert_eq!(
            found(
                "mutation($i: AbsenceInput!) { reportAbsence(input: $i) { id } }",
                json!({"i": {"note": "fine"}})
            ),
            None
        );
    }
}
