//! Every key and type error at once, as a compiler reports them. serde stops at the first key
//! it cannot take (an unknown key, a string where a date goes); so the file is parsed once into
//! a spanned TOML tree, and after each error the tree is repaired where the error points and read
//! again: an unknown key is removed; a value of the wrong type is removed, or, when the key is
//! required, replaced by a stand-in of the right type that keeps the value's span. The reads go
//! on until the tree reads cleanly, so the rules that come after (ids, references, bounds) still
//! see every table, and the caller drops the rule errors that sit on a stand-in (they would be
//! about a value the author never wrote).
//!
//! A syntax error stops everything: what belongs to which table is not known after it. Files
//! over [`MAX_REPAIRED_BYTES`] report their first error only, and at most [`MAX_ERRORS`] are
//! collected.

use std::borrow::Cow;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeArray, DeInteger, DeTable, DeValue, Error};

/// How many errors one read collects at most.
pub const MAX_ERRORS: usize = 50;

/// Files larger than this report their first error only: each error costs another read of the
/// whole tree, and a reload must stay quick (a hand-written dataset is a few KiB).
pub const MAX_REPAIRED_BYTES: usize = 256 * 1024;

/// What reading a document gave: the value if the tree could be repaired into one, every error
/// met on the way (in the order found), and the spans of the stand-ins put in.
pub struct Recovered<T> {
    pub value: Option<T>,
    pub errors: Vec<Error>,
    pub stand_ins: Vec<Range<usize>>,
}

/// Reads `text` as a `T`, collecting every error the repairs let it find.
pub fn read_all<T: for<'de> Deserialize<'de>>(text: &str) -> Recovered<T> {
    let mut tree = match DeTable::parse(text) {
        Ok(tree) => tree,
        Err(error) => return Recovered { value: None, errors: vec![error], stand_ins: Vec::new() },
    };
    if text.len() > MAX_REPAIRED_BYTES {
        // No repair will follow: the tree is read once, by value (a copy of a large file's tree
        // cost as much memory again, and time).
        return match T::deserialize(toml::de::Deserializer::from(tree)) {
            Ok(value) => Recovered { value: Some(value), errors: Vec::new(), stand_ins: Vec::new() },
            Err(error) => Recovered { value: None, errors: vec![error], stand_ins: Vec::new() },
        };
    }
    let mut errors = Vec::new();
    let mut stand_ins: Vec<StandIn> = Vec::new();
    loop {
        let error = match T::deserialize(toml::de::Deserializer::from(tree.clone())) {
            Ok(value) => {
                let stand_ins = stand_ins.into_iter().map(|s| s.span).collect();
                return Recovered { value: Some(value), errors, stand_ins };
            }
            Err(error) => error,
        };
        let Some(span) = error.span() else {
            errors.push(error);
            return Recovered { value: None, errors, stand_ins: Vec::new() };
        };
        // A stand-in of the wrong type: the next kind is tried, and the error is not the author's.
        if let Some(index) = stand_ins.iter().position(|s| s.span == span) {
            let kind = stand_ins[index].kind + 1;
            let repaired = if kind < STAND_IN_KINDS {
                stand_ins[index].kind = kind;
                replace_at(tree.get_mut(), &span, stand_in_value(kind))
            } else {
                // No stand-in fits (a date, a choice of words): the key goes, if it may.
                stand_ins.remove(index);
                matches!(remove_at(tree.get_mut(), &span, None), Removal::Gone)
            };
            if repaired {
                continue;
            }
            errors.push(error);
            return Recovered { value: None, errors, stand_ins: Vec::new() };
        }
        let repaired = text.len() <= MAX_REPAIRED_BYTES
            && errors.len() + 1 < MAX_ERRORS
            && repair(&mut tree, &span, error.message(), &mut stand_ins, text.len());
        errors.push(error);
        if !repaired {
            return Recovered { value: None, errors, stand_ins: Vec::new() };
        }
    }
}

/// A value put in for one the author wrote wrong (or left out), and which kind it is now.
struct StandIn {
    span: Range<usize>,
    kind: usize,
}

/// Stand-ins are tried in this order: a string, a number, an empty list.
const STAND_IN_KINDS: usize = 3;

fn stand_in_value(kind: usize) -> DeValue<'static> {
    match kind {
        0 => DeValue::String(Cow::Borrowed("")),
        1 => DeValue::Integer(DeInteger::default()),
        _ => DeValue::Array(DeArray::new()),
    }
}

/// Changes the tree so the next read gets past `span`; false when nothing there can be changed.
fn repair(
    tree: &mut Spanned<DeTable<'_>>,
    span: &Range<usize>,
    message: &str,
    stand_ins: &mut Vec<StandIn>,
    end_of_text: usize,
) -> bool {
    if let Some(key) = missing_key(message) {
        // The error points at the table the key is missing from.
        let Some(table) = table_at(tree, span) else { return false };
        // A key missing from the top level (whose span is empty, at 0) stands in at the end of
        // the text, so what the rules say of it is not taken for what they say of the file's
        // start ("the dataset needs at least one [[metric]]").
        let at = if span.is_empty() { end_of_text..end_of_text } else { span.start..span.start };
        table.insert(Spanned::new(at.clone(), Cow::Owned(key.to_owned())), Spanned::new(at.clone(), stand_in_value(0)));
        stand_ins.push(StandIn { span: at, kind: 0 });
        return true;
    }
    if let Some(rest) = message.trim().strip_prefix("unknown field `") {
        // A typo of a key the table takes is read as that key (as a compiler reads on with its
        // suggestion): its value is still checked, and no "missing key" follows.
        let name = rest.split('`').next().unwrap_or_default();
        let expected: Vec<&str> = rest.split('`').skip(2).step_by(2).collect();
        let meant = super::hint::closest(name, expected);
        return matches!(remove_at(tree.get_mut(), span, meant), Removal::Gone);
    }
    // A value of the wrong type: a stand-in of each kind is tried in its place in turn.
    stand_ins.push(StandIn { span: span.clone(), kind: 0 });
    replace_at(tree.get_mut(), span, stand_in_value(0))
}

/// `missing field `title`` → `title`.
fn missing_key(message: &str) -> Option<&str> {
    message.trim().strip_prefix("missing field `")?.split('`').next()
}

enum Removal {
    Gone,
    /// The span is an element of a list, which is never removed (the others would shift).
    InList,
    NotFound,
}

/// Removes the entry of the innermost table whose key or value is at `span`; or, with `rename`,
/// moves its value to that key when the table does not have it yet.
fn remove_at(table: &mut DeTable<'_>, span: &Range<usize>, rename: Option<&str>) -> Removal {
    let mut target = None;
    for (key, value) in table.iter_mut() {
        if key.span() == *span || value.span() == *span {
            target = Some(key.get_ref().clone());
            break;
        }
        let found = match value.get_mut() {
            DeValue::Table(inner) => remove_at(inner, span, rename),
            DeValue::Array(items) => remove_in_list(items, span, rename),
            _ => Removal::NotFound,
        };
        if !matches!(found, Removal::NotFound) {
            return found;
        }
    }
    match target {
        Some(key) => {
            if let Some((old, value)) = table.remove_entry(key.as_ref())
                && let Some(meant) = rename.filter(|meant| !table.contains_key(*meant))
            {
                table.insert(Spanned::new(old.span(), Cow::Owned(meant.to_owned())), value);
            }
            Removal::Gone
        }
        None => Removal::NotFound,
    }
}

fn remove_in_list(items: &mut DeArray<'_>, span: &Range<usize>, rename: Option<&str>) -> Removal {
    for item in items.iter_mut() {
        if item.span() == *span {
            return Removal::InList;
        }
        let found = match item.get_mut() {
            DeValue::Table(inner) => remove_at(inner, span, rename),
            DeValue::Array(inner) => remove_in_list(inner, span, rename),
            _ => Removal::NotFound,
        };
        if !matches!(found, Removal::NotFound) {
            return found;
        }
    }
    Removal::NotFound
}

/// Puts `value` where the value (or stand-in) at `span` is, keeping its span.
fn replace_at(table: &mut DeTable<'_>, span: &Range<usize>, value: DeValue<'static>) -> bool {
    let mut value = Some(value);
    replace_in(&mut table.iter_mut().map(|(_, v)| v), span, &mut value)
}

fn replace_in<'a, 'i: 'a>(
    values: &mut dyn Iterator<Item = &'a mut Spanned<DeValue<'i>>>,
    span: &Range<usize>,
    value: &mut Option<DeValue<'static>>,
) -> bool {
    for item in values {
        if item.span() == *span {
            if let Some(new) = value.take() {
                *item = Spanned::new(span.clone(), new);
            }
            return true;
        }
        let done = match item.get_mut() {
            DeValue::Table(inner) => replace_in(&mut inner.iter_mut().map(|(_, v)| v), span, value),
            DeValue::Array(inner) => replace_in(&mut inner.iter_mut(), span, value),
            _ => false,
        };
        if done {
            return true;
        }
    }
    false
}

/// The table whose span is `span` (a missing key points at its table: its header, or the empty
/// span of the document's root). Container spans do not cover their contents (a `[[metric]]`'s
/// span is its header), so every table is searched.
fn table_at<'t, 'i>(tree: &'t mut Spanned<DeTable<'i>>, span: &Range<usize>) -> Option<&'t mut DeTable<'i>> {
    if tree.span() == *span {
        return Some(tree.get_mut());
    }
    find_table(&mut tree.get_mut().iter_mut().map(|(_, v)| v), span)
}

fn find_table<'t, 'i: 't>(
    values: &mut dyn Iterator<Item = &'t mut Spanned<DeValue<'i>>>,
    span: &Range<usize>,
) -> Option<&'t mut DeTable<'i>> {
    for item in values {
        if !holds_table(item, span) {
            continue;
        }
        let here = item.span();
        return match item.get_mut() {
            DeValue::Table(inner) => {
                if here == *span {
                    Some(inner)
                } else {
                    find_table(&mut inner.iter_mut().map(|(_, v)| v), span)
                }
            }
            DeValue::Array(inner) => find_table(&mut inner.iter_mut(), span),
            _ => None,
        };
    }
    None
}

/// Whether `item` is, or holds, the table whose span is `span`.
fn holds_table(item: &Spanned<DeValue<'_>>, span: &Range<usize>) -> bool {
    match item.get_ref() {
        DeValue::Table(_) if item.span() == *span => true,
        DeValue::Table(inner) => inner.iter().any(|(_, v)| holds_table(v, span)),
        DeValue::Array(inner) => inner.iter().any(|v| holds_table(v, span)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        title: String,
        #[serde(default)]
        item: Vec<Item>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        id: String,
        n: Option<i64>,
        list: Option<Vec<String>>,
    }

    fn messages(text: &str) -> (bool, Vec<String>) {
        let found = read_all::<Doc>(text);
        (found.value.is_some(), found.errors.iter().map(|e| e.message().trim().to_owned()).collect())
    }

    #[test]
    fn an_unknown_top_level_key_hides_nothing_after_it() {
        let (read, found) =
            messages("titel = \"T\"\n[[item]]\nid = \"a\"\nn = \"3\"\n[[item]]\nid = 4\nlist = [\"x\", 5]\n");
        assert!(read, "the repaired tree reads");
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(found.iter().any(|m| m.contains("unknown field `titel`")), "{found:?}");
        assert!(!found.iter().any(|m| m.contains("missing field")), "`titel` is read as `title`: {found:?}");
        assert!(found.iter().any(|m| m.contains("string \"3\"")), "{found:?}");
        assert!(found.iter().any(|m| m.contains("integer `4`")), "{found:?}");
        assert!(found.iter().any(|m| m.contains("integer `5`")), "{found:?}");
    }

    #[test]
    fn a_missing_required_key_gets_a_stand_in_and_the_read_goes_on() {
        let (read, found) = messages("title = \"T\"\n[[item]]\nn = 1\n[[item]]\nid = 2\n");
        assert!(read);
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn a_syntax_error_stops_the_read() {
        let (read, found) = messages("title = \"T\"\n[[item]]\nid = \"a\nn = 1\n");
        assert!(!read);
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn a_valid_document_reads_without_stand_ins() {
        let found = read_all::<Doc>("title = \"T\"\n[[item]]\nid = \"a\"\n");
        assert!(found.value.is_some() && found.errors.is_empty() && found.stand_ins.is_empty());
    }
}
