//! A document's cost, bounded before anything expands it. async-graphql's depth and complexity
//! limits are computed while validating, by walking every fragment spread as if written out:
//! 25 fragments that each spread the next twice are a 900-byte request that walks 2^25
//! selections before any limit can refuse it. Here the expanded size is counted on the
//! document as written, each fragment's size once (memoised), and a document whose expansion
//! would exceed the limit is refused before validation with BAD_USER_INPUT.

use std::collections::HashMap;
use std::sync::Arc;

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextParseQuery};
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::{Name, Positioned, ServerResult, Variables};

use crate::error::AppError;

/// Refuses documents whose written-out selections (fields, fragments, directives) exceed `limit`.
pub struct ExpansionLimit {
    pub limit: usize,
}

impl ExtensionFactory for ExpansionLimit {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(ExpansionLimitExtension { limit: self.limit })
    }
}

struct ExpansionLimitExtension {
    limit: usize,
}

#[async_trait::async_trait]
impl Extension for ExpansionLimitExtension {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        // async-graphql's own checks that run while parsing (directives per field, recursion
        // depth) walk every fragment spread written out, so the document is parsed and measured
        // here first; a document that does not parse is left to the parser's own error.
        if let Ok(document) = async_graphql::parser::parse_query(query) {
            if let Err(message) = expanded_size(&document, self.limit) {
                return Err(async_graphql::Error::from(AppError::bad_input("query", message))
                    .into_server_error(async_graphql::Pos::default()));
            }
        }
        next.run(ctx, query, variables).await
    }
}

/// Operations one document may define: an app sends one; a thousand would each be validated.
const MAX_OPERATIONS: usize = 64;

/// The number of selections and directives the document would have with every fragment
/// spread written out, or why it is refused. Stops counting as soon as `limit` is passed.
pub fn expanded_size(document: &ExecutableDocument, limit: usize) -> Result<usize, String> {
    let operations = document.operations.iter().count();
    if operations > MAX_OPERATIONS || document.fragments.len() > limit {
        return Err(format!(
            "the document defines {operations} operations and {} fragments; at most {MAX_OPERATIONS} operations are accepted",
            document.fragments.len()
        ));
    }
    let mut sizes = Sizes {
        document,
        limit,
        known: HashMap::new(),
        visiting: Vec::new(),
    };
    let mut total = 0usize;
    for (_, operation) in document.operations.iter() {
        let selections = sizes.selection_set(&operation.node.selection_set)?;
        let own = operation.node.directives.len().saturating_add(selections);
        total = sizes.bounded(total.saturating_add(own))?;
    }
    Ok(total)
}

struct Sizes<'a> {
    document: &'a ExecutableDocument,
    limit: usize,
    /// Fragments already counted, by name.
    known: HashMap<&'a Name, usize>,
    /// Fragments being counted, to refuse cycles (validation would too, but after expanding).
    visiting: Vec<&'a Name>,
}

impl<'a> Sizes<'a> {
    fn bounded(&self, size: usize) -> Result<usize, String> {
        if size > self.limit {
            Err(format!(
                "the query is too large: with its fragments written out it has more than {} selections",
                self.limit
            ))
        } else {
            Ok(size)
        }
    }

    fn selection_set(&mut self, set: &'a Positioned<SelectionSet>) -> Result<usize, String> {
        let mut size = 0usize;
        for item in &set.node.items {
            let own = match &item.node {
                Selection::Field(field) => {
                    1 + field.node.directives.len() + self.selection_set(&field.node.selection_set)?
                }
                Selection::InlineFragment(fragment) => {
                    1 + fragment.node.directives.len() + self.selection_set(&fragment.node.selection_set)?
                }
                Selection::FragmentSpread(spread) => {
                    1 + spread.node.directives.len() + self.fragment(&spread.node.fragment_name.node)?
                }
            };
            size = self.bounded(size.saturating_add(own))?;
        }
        Ok(size)
    }

    fn fragment(&mut self, name: &'a Name) -> Result<usize, String> {
        if let Some(size) = self.known.get(name) {
            return Ok(*size);
        }
        if self.visiting.contains(&name) {
            return Err(format!("fragment {name} spreads itself"));
        }
        // An unknown fragment is left to validation, which names it.
        let Some(fragment) = self.document.fragments.get(name) else {
            return Ok(0);
        };
        self.visiting.push(name);
        let size = self.selection_set(&fragment.node.selection_set)? + fragment.node.directives.len();
        self.visiting.pop();
        self.known.insert(name, size);
        Ok(size)
    }
}

#[cfg(test)]
mod tests {
    use super::expanded_size;

    fn size(query: &str) -> Result<usize, String> {
        expanded_size(&async_graphql::parser::parse_query(query).unwrap(), 1000)
    }

    /// F0 spreads F1 twice, F1 spreads F2 twice, and so on: 2^levels fields written out.
    fn fan_out(levels: usize) -> String {
        let mut query = String::from("query { ...F0 }\n");
        for level in 0..levels {
            query.push_str(&format!(
                "fragment F{level} on Query {{ ...F{n} ...F{n} }}\n",
                n = level + 1
            ));
        }
        query.push_str(&format!("fragment F{levels} on Query {{ me {{ user {{ id }} }} }}\n"));
        query
    }

    #[test]
    fn fields_fragments_and_directives_are_counted_as_written_out() {
        assert_eq!(size("{ me { user { id displayName } } }"), Ok(4));
        assert_eq!(size("{ a: me { user { id } } b: me { user { id } } }"), Ok(6));
        assert_eq!(size("{ ...F ...F } fragment F on Query { me { user { id } } }"), Ok(8));
        assert_eq!(size("{ me @skip(if: false) { user { id } } }"), Ok(4));
        assert_eq!(size(&fan_out(3)), Ok(1 + 2 * (1 + 2 * (1 + 2 * (1 + 3)))));
    }

    #[test]
    fn fan_outs_floods_and_cycles_are_refused_without_expanding_them() {
        assert!(size(&fan_out(25)).is_err(), "33 million fields once expanded");
        let aliases: String = (0..1001).map(|i| format!("a{i}: __typename ")).collect();
        assert!(size(&format!("{{ {aliases} }}")).is_err());
        assert!(size("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }").is_err());
        let operations: String = (0..65).map(|i| format!("query Q{i} {{ __typename }} ")).collect();
        assert!(size(&operations).is_err(), "65 operations in one document");
    }

    #[test]
    fn the_standard_introspection_query_fits() {
        let introspection = include_str!("../../../tests/api/introspection.graphql");
        let size = size(introspection).expect("introspection fits");
        assert!(size < 500, "{size}");
    }
}
