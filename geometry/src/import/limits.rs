//! The bounds an SVG file must stay within, and the checks that enforce them
//! before usvg sees the file.
//!
//! usvg converts the XML tree recursively, and `<use>` copies whole subtrees,
//! so a hostile file of a few kilobytes (thousands of nested `<g>`, or
//! `<use>` chains that double at each level) could overflow the stack or
//! build millions of nodes. Each check here is linear in the size of the file
//! and never recursive on its input beyond [`MAX_DEPTH`].

use std::collections::HashMap;

use usvg::roxmltree::{Document, Node, NodeId};

use super::error::ImportError;

/// Largest file accepted, bytes. A drawing for a laser or a 3D printer is a
/// few megabytes at most; 64 MiB leaves room for clumsy exports with
/// embedded bitmaps (which we ignore) while keeping memory bounded.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// Most XML nodes (elements, text, comments) the parser may create.
pub const MAX_NODES: u32 = 2_000_000;

/// Most elements once every `<use>` is expanded: usvg's own limit.
pub const MAX_ELEMENTS: u32 = 1_000_000;

/// Deepest element nesting accepted, counting what `<use>` pulls in.
/// Inkscape and Illustrator files stay under 30; usvg converts the tree
/// recursively, and 256 levels keep that far from the 2 MiB stack of a
/// worker thread even in a debug build.
pub const MAX_DEPTH: usize = 256;

/// The bytes as text, refusing what is empty, too large, compressed or not
/// UTF-8. Runs before any parsing.
pub(super) fn check_bytes(data: &[u8]) -> Result<&str, ImportError> {
    if data.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: data.len(),
            max: MAX_FILE_BYTES,
        });
    }
    // gzip magic number: an .svgz file.
    if data.starts_with(&[0x1f, 0x8b]) {
        return Err(ImportError::Compressed);
    }
    let text = std::str::from_utf8(data).map_err(|e| ImportError::NotText {
        offset: e.valid_up_to(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(text)
}

/// Refuses documents nested deeper than [`MAX_DEPTH`] or growing beyond
/// [`MAX_ELEMENTS`] once `<use>` references are expanded.
pub(super) fn check_structure(doc: &Document) -> Result<(), ImportError> {
    check_plain_depth(doc)?;
    let ids: HashMap<&str, Node> = doc
        .descendants()
        .filter_map(|n| Some((n.attribute("id")?, n)))
        .collect();
    let mut walk = Walk {
        ids,
        memo: vec![Visit::New; doc.descendants().count() + 1],
    };
    let (_, elements) = walk.visit(doc.root_element(), 1)?;
    if elements > u64::from(MAX_ELEMENTS) {
        return Err(ImportError::TooManyElements { max: MAX_ELEMENTS });
    }
    Ok(())
}

/// Nesting of the XML as written, without recursion: roxmltree stores nodes
/// in document order, so a parent is always met before its children.
fn check_plain_depth(doc: &Document) -> Result<(), ImportError> {
    let mut depths: Vec<usize> = Vec::new();
    for node in doc.descendants() {
        let parent_depth = node
            .parent()
            .and_then(|p| depths.get(p.id().get_usize()).copied())
            .unwrap_or(0);
        let depth = parent_depth + usize::from(node.is_element());
        if depth > MAX_DEPTH {
            return Err(ImportError::TooDeep { max: MAX_DEPTH });
        }
        let index = node.id().get_usize();
        if depths.len() <= index {
            depths.resize(index + 1, 0);
        }
        if let Some(slot) = depths.get_mut(index) {
            *slot = depth;
        }
    }
    Ok(())
}

#[derive(Clone, Copy)]
enum Visit {
    New,
    InProgress,
    /// Height of the subtree and number of elements in it, `<use>` expanded.
    Done(usize, u64),
}

struct Walk<'a, 'input> {
    ids: HashMap<&'a str, Node<'a, 'input>>,
    memo: Vec<Visit>,
}

impl<'a, 'input> Walk<'a, 'input> {
    /// Height and element count of `node`'s subtree with `<use>` expanded;
    /// `depth` is how deep `node` sits. Recursion stops at [`MAX_DEPTH`].
    fn visit(&mut self, node: Node<'a, 'input>, depth: usize) -> Result<(usize, u64), ImportError> {
        if depth > MAX_DEPTH {
            return Err(ImportError::TooDeep { max: MAX_DEPTH });
        }
        match self.memo_of(node.id()) {
            Visit::Done(height, count) => {
                if depth + height - 1 > MAX_DEPTH {
                    return Err(ImportError::TooDeep { max: MAX_DEPTH });
                }
                return Ok((height, count));
            }
            // A `<use>` cycle. usvg drops the simplest ones but follows
            // longer ones to its depth limit, so we refuse them all.
            Visit::InProgress => {
                return Err(ImportError::ReferenceLoop {
                    id: node.attribute("id").unwrap_or_default().to_owned(),
                });
            }
            Visit::New => {}
        }
        self.set_memo(node.id(), Visit::InProgress);
        let (mut height, mut count) = (0, 0u64);
        let target = self.use_target(node);
        for child in node.children().filter(Node::is_element).chain(target) {
            let (h, c) = self.visit(child, depth + 1)?;
            height = height.max(h);
            count = count.saturating_add(c);
            if count > u64::from(MAX_ELEMENTS) {
                return Err(ImportError::TooManyElements { max: MAX_ELEMENTS });
            }
        }
        let result = (height + 1, count + 1);
        self.set_memo(node.id(), Visit::Done(result.0, result.1));
        Ok(result)
    }

    /// The element a `<use>` points to inside this file, if any.
    fn use_target(&self, node: Node<'a, 'input>) -> Option<Node<'a, 'input>> {
        if node.tag_name().name() != "use" {
            return None;
        }
        let href = node
            .attributes()
            .find(|a| a.name() == "href")
            .map(|a| a.value())?;
        self.ids.get(href.strip_prefix('#')?).copied()
    }

    fn memo_of(&self, id: NodeId) -> Visit {
        self.memo.get(id.get_usize()).copied().unwrap_or(Visit::New)
    }

    fn set_memo(&mut self, id: NodeId, visit: Visit) {
        if let Some(slot) = self.memo.get_mut(id.get_usize()) {
            *slot = visit;
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn structure(text: &str) -> Result<(), ImportError> {
        let doc = Document::parse(text).unwrap();
        check_structure(&doc)
    }

    #[test]
    fn bytes_are_checked_before_parsing() {
        assert_eq!(check_bytes(b""), Err(ImportError::Empty));
        assert_eq!(check_bytes(b" \n\t"), Err(ImportError::Empty));
        assert_eq!(
            check_bytes(&[0x1f, 0x8b, 8, 0]),
            Err(ImportError::Compressed)
        );
        assert_eq!(
            check_bytes(b"<svg\xff"),
            Err(ImportError::NotText { offset: 4 })
        );
        assert_eq!(check_bytes("\u{feff}<svg/>".as_bytes()), Ok("<svg/>"));
    }

    #[test]
    fn deep_nesting_is_refused() {
        let nested = |n: usize| format!("<svg>{}{}</svg>", "<g>".repeat(n), "</g>".repeat(n));
        assert_eq!(structure(&nested(MAX_DEPTH - 1)), Ok(()));
        assert_eq!(
            structure(&nested(MAX_DEPTH)),
            Err(ImportError::TooDeep { max: MAX_DEPTH })
        );
        assert_eq!(
            structure(&nested(5000)),
            Err(ImportError::TooDeep { max: MAX_DEPTH })
        );
    }

    #[test]
    fn use_chains_count_towards_depth_and_size() {
        // Each level uses the previous one twice: 2^40 elements once expanded.
        let mut defs = String::from("<rect id='l0' width='1' height='1'/>");
        for i in 1..40 {
            defs.push_str(&format!(
                "<g id='l{i}'><use href='#l{p}'/><use href='#l{p}'/></g>",
                p = i - 1
            ));
        }
        let text = format!("<svg><defs>{defs}</defs><use href='#l39'/></svg>");
        assert_eq!(
            structure(&text),
            Err(ImportError::TooManyElements { max: MAX_ELEMENTS })
        );
        // A chain of single uses, each adding two levels.
        let mut defs = String::from("<rect id='c0' width='1' height='1'/>");
        for i in 1..200 {
            defs.push_str(&format!("<g id='c{i}'><use href='#c{}'/></g>", i - 1));
        }
        let text = format!("<svg><defs>{defs}</defs><use href='#c199'/></svg>");
        assert_eq!(
            structure(&text),
            Err(ImportError::TooDeep { max: MAX_DEPTH })
        );
    }

    #[test]
    fn use_cycles_are_refused() {
        let text = "<svg><g id='a'><use href='#b'/></g><g id='b'><use href='#a'/></g></svg>";
        let loop_at = |id: &str| Err(ImportError::ReferenceLoop { id: id.to_owned() });
        assert_eq!(structure(text), loop_at("a"));
        assert_eq!(
            structure("<svg><g id='s'><use href='#s'/></g></svg>"),
            loop_at("s")
        );
        // Using the same element twice is no loop.
        let text = "<svg><rect id='r'/><use href='#r'/><use href='#r'/></svg>";
        assert_eq!(structure(text), Ok(()));
    }
}
