//! Operations on the selected shapes: booleans, offset, duplicate, delete,
//! z-order, align and distribute. Each takes the document and the selection
//! and changes the document in place or says, in a translatable way, why not.

use crate::outline::shape_region;
use crate::region::Join;
use crate::{Document, Region, Shape, ShapeId, ShapeKind};
use kurbo::{Rect, Vec2};

use crate::transform::{shapes_bounds, translated};

/// Flattening tolerance of boolean results, mm: the default, invisible on
/// any machine (see `crate::DEFAULT_TOLERANCE_MM`).
const BOOLEAN_TOLERANCE_MM: f64 = crate::DEFAULT_TOLERANCE_MM;

/// Shift of duplicates so the copy is visibly not on top of the original, mm.
pub const DUPLICATE_SHIFT_MM: f64 = 5.0;

/// Why an operation could not run; each maps to a message saying what to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpError {
    /// Nothing is selected.
    NothingSelected,
    /// A boolean needs at least two filled shapes.
    NeedTwoFilledShapes,
    /// The result has no area (shapes that do not overlap, or all cut away).
    NothingLeft,
    /// Grouping needs at least two shapes.
    NeedTwoShapes,
    /// The drawing would pass its limits ([`crate::limits`]): more
    /// segments than a drawing may hold, or a shape 10 m away. Nothing
    /// was changed: saved, it could not be opened again.
    BeyondLimits,
}

impl OpError {
    /// Translation key of the message.
    pub fn key(self) -> &'static str {
        match self {
            OpError::NothingSelected => "error-nothing-selected",
            OpError::NeedTwoFilledShapes => "error-need-two-shapes",
            OpError::NothingLeft => "error-nothing-left",
            OpError::NeedTwoShapes => "error-need-two-shapes-to-group",
            OpError::BeyondLimits => "error-beyond-limits",
        }
    }
}

/// The boolean operations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Boolean {
    /// Everything covered by any shape.
    Union,
    /// The back shape minus all the others.
    Difference,
    /// Only where all shapes overlap.
    Intersection,
}

/// Selected shapes in document (back-to-front) order.
fn selected_in_order<'a>(doc: &'a Document, selection: &[ShapeId]) -> Vec<&'a Shape> {
    doc.shapes
        .iter()
        .filter(|s| selection.contains(&s.id))
        .collect()
}

/// Replaces the selected filled shapes by the boolean of their areas, placed
/// where the back-most one was and keeping its role and height. Returns the
/// new shape's id.
pub fn boolean(doc: &mut Document, selection: &[ShapeId], op: Boolean) -> Result<ShapeId, OpError> {
    let operands: Vec<&Shape> = selected_in_order(doc, selection)
        .into_iter()
        .filter(|s| s.is_filled())
        .collect();
    let [first, rest @ ..] = operands.as_slice() else {
        return Err(OpError::NeedTwoFilledShapes);
    };
    if rest.is_empty() {
        return Err(OpError::NeedTwoFilledShapes);
    }
    let base = shape_region(first, BOOLEAN_TOLERANCE_MM);
    let others: Vec<Region> = rest
        .iter()
        .map(|s| shape_region(s, BOOLEAN_TOLERANCE_MM))
        .collect();
    let result = match op {
        Boolean::Union => Region::union_all(std::iter::once(&base).chain(others.iter())),
        Boolean::Difference => base.difference(&Region::union_all(others.iter())),
        Boolean::Intersection => others.iter().fold(base, |acc, r| acc.intersection(r)),
    };
    if result.is_empty() || result.area() < 1e-6 {
        return Err(OpError::NothingLeft);
    }
    let mut merged = (*first).clone();
    merged.kind = ShapeKind::Path {
        path: result.to_path(),
    };
    merged.transform = kurbo::Affine::IDENTITY;
    merged.fill = crate::Fill::Filled(crate::FillRule::NonZero);
    let keep_id = first.id;
    let operand_ids: Vec<ShapeId> = operands.iter().map(|s| s.id).collect();
    doc.shapes
        .retain(|s| s.id == keep_id || !operand_ids.contains(&s.id));
    if let Some(slot) = doc.shape_mut(keep_id) {
        *slot = merged;
    }
    Ok(keep_id)
}

/// Grows (or shrinks, when negative) each selected filled shape by `distance` mm.
pub fn offset(doc: &mut Document, selection: &[ShapeId], distance: f64) -> Result<(), OpError> {
    if selection.is_empty() {
        return Err(OpError::NothingSelected);
    }
    let mut changed = false;
    for shape in doc.shapes.iter_mut().filter(|s| selection.contains(&s.id)) {
        if !shape.is_filled() {
            continue;
        }
        let region = shape_region(shape, BOOLEAN_TOLERANCE_MM).offset(
            distance,
            Join::Round,
            BOOLEAN_TOLERANCE_MM,
        );
        if region.is_empty() {
            return Err(OpError::NothingLeft);
        }
        shape.kind = ShapeKind::Path {
            path: region.to_path(),
        };
        shape.transform = kurbo::Affine::IDENTITY;
        changed = true;
    }
    if changed {
        Ok(())
    } else {
        Err(OpError::NothingSelected)
    }
}

/// Copies the selection, shifted right and down, in front; returns the copies' ids.
pub fn duplicate(doc: &mut Document, selection: &[ShapeId]) -> Vec<ShapeId> {
    let copies: Vec<Shape> = selected_in_order(doc, selection)
        .into_iter()
        .map(|s| translated(s, Vec2::new(DUPLICATE_SHIFT_MM, -DUPLICATE_SHIFT_MM)))
        .collect();
    // Copies of a group form a new group of their own, not more members of the old one.
    let mut renamed: Vec<(u64, u64)> = Vec::new();
    let mut next = fresh_group_id(doc);
    let copies: Vec<Shape> = copies
        .into_iter()
        .map(|mut s| {
            if let Some(old) = s.group {
                let new = match renamed.iter().find(|(o, _)| *o == old) {
                    Some((_, n)) => *n,
                    None => {
                        renamed.push((old, next));
                        next += 1;
                        next - 1
                    }
                };
                s.group = Some(new);
            }
            s
        })
        .collect();
    copies.into_iter().map(|s| doc.add(s)).collect()
}

/// A group id no shape of `doc` uses yet.
pub fn fresh_group_id(doc: &Document) -> u64 {
    doc.shapes
        .iter()
        .filter_map(|s| s.group)
        .max()
        .map_or(1, |g| g + 1)
}

/// Whether grouping `selection` would change anything: at least two shapes
/// that are not already exactly one whole group.
pub fn can_group(doc: &Document, selection: &[ShapeId]) -> bool {
    let members = selected_in_order(doc, selection);
    if members.len() < 2 {
        return false;
    }
    match members[0].group {
        Some(g) if members.iter().all(|s| s.group == Some(g)) => {
            // Already one group; grouping again only matters if the group is larger.
            with_groups(doc, selection).len() != members.len()
        }
        _ => true,
    }
}

/// Whether any selected shape belongs to a group.
pub fn can_ungroup(doc: &Document, selection: &[ShapeId]) -> bool {
    selected_in_order(doc, selection)
        .iter()
        .any(|s| s.group.is_some())
}

/// Gives the selected shapes (at least two) one fresh group id.
pub fn group(doc: &mut Document, selection: &[ShapeId]) -> Result<(), OpError> {
    if selected_in_order(doc, selection).len() < 2 {
        return Err(OpError::NeedTwoShapes);
    }
    let id = fresh_group_id(doc);
    for shape in doc.shapes.iter_mut().filter(|s| selection.contains(&s.id)) {
        shape.group = Some(id);
    }
    Ok(())
}

/// Takes the selected shapes out of their groups.
pub fn ungroup(doc: &mut Document, selection: &[ShapeId]) {
    for shape in doc.shapes.iter_mut().filter(|s| selection.contains(&s.id)) {
        shape.group = None;
    }
}

/// `selection` plus every shape sharing a group with a selected shape, in
/// the order of `selection` and then of the document.
pub fn with_groups(doc: &Document, selection: &[ShapeId]) -> Vec<ShapeId> {
    let groups: Vec<u64> = selected_in_order(doc, selection)
        .iter()
        .filter_map(|s| s.group)
        .collect();
    let mut ids = selection.to_vec();
    for shape in &doc.shapes {
        if shape.group.is_some_and(|g| groups.contains(&g)) && !ids.contains(&shape.id) {
            ids.push(shape.id);
        }
    }
    ids
}

/// Removes the selected shapes.
pub fn delete(doc: &mut Document, selection: &[ShapeId]) {
    doc.shapes.retain(|s| !selection.contains(&s.id));
}

/// Moves each selected shape one place towards the front (`forward`) or back.
pub fn reorder(doc: &mut Document, selection: &[ShapeId], forward: bool) {
    let n = doc.shapes.len();
    if forward {
        for i in (0..n.saturating_sub(1)).rev() {
            if selection.contains(&doc.shapes[i].id) && !selection.contains(&doc.shapes[i + 1].id) {
                doc.shapes.swap(i, i + 1);
            }
        }
    } else {
        for i in 1..n {
            if selection.contains(&doc.shapes[i].id) && !selection.contains(&doc.shapes[i - 1].id) {
                doc.shapes.swap(i, i - 1);
            }
        }
    }
}

/// Which edge or middle to line up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Left edges.
    Left,
    /// Vertical centre lines.
    Center,
    /// Right edges.
    Right,
    /// Top edges.
    Top,
    /// Horizontal middle lines.
    Middle,
    /// Bottom edges.
    Bottom,
}

/// Lines up the selected shapes on the selection's bounds.
pub fn align(doc: &mut Document, selection: &[ShapeId], how: Align) {
    let Some(all) = shapes_bounds(selected_in_order(doc, selection)) else {
        return;
    };
    for shape in doc.shapes.iter_mut().filter(|s| selection.contains(&s.id)) {
        let Some(b) = crate::outline::shape_bounds(shape) else {
            continue;
        };
        let delta = match how {
            Align::Left => Vec2::new(all.x0 - b.x0, 0.0),
            Align::Center => Vec2::new(all.center().x - b.center().x, 0.0),
            Align::Right => Vec2::new(all.x1 - b.x1, 0.0),
            Align::Top => Vec2::new(0.0, all.y1 - b.y1),
            Align::Middle => Vec2::new(0.0, all.center().y - b.center().y),
            Align::Bottom => Vec2::new(0.0, all.y0 - b.y0),
        };
        *shape = translated(shape, delta);
    }
}

/// Spaces the selected shapes' centres evenly between the outermost two.
pub fn distribute(doc: &mut Document, selection: &[ShapeId], horizontal: bool) {
    let axis = |r: Rect| {
        if horizontal {
            r.center().x
        } else {
            r.center().y
        }
    };
    let mut items: Vec<(ShapeId, f64)> = selected_in_order(doc, selection)
        .into_iter()
        .filter_map(|s| crate::outline::shape_bounds(s).map(|b| (s.id, axis(b))))
        .collect();
    if items.len() < 3 {
        return;
    }
    items.sort_by(|a, b| a.1.total_cmp(&b.1));
    let (first, last) = (items[0].1, items[items.len() - 1].1);
    let step = (last - first) / (items.len() - 1) as f64;
    for (i, (id, centre)) in items.iter().enumerate() {
        let target = first + step * i as f64;
        let delta = if horizontal {
            Vec2::new(target - centre, 0.0)
        } else {
            Vec2::new(0.0, target - centre)
        };
        if let Some(shape) = doc.shape_mut(*id) {
            *shape = translated(shape, delta);
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn square_at(doc: &mut Document, x: f64, y: f64) -> ShapeId {
        doc.add(
            Shape::new(ShapeKind::Rectangle {
                width: 10.0,
                height: 10.0,
            })
            .translated(x, y),
        )
    }

    #[test]
    fn booleans_of_two_overlapping_squares() {
        for (op, area) in [
            (Boolean::Union, 175.0),
            (Boolean::Difference, 75.0),
            (Boolean::Intersection, 25.0),
        ] {
            let mut doc = Document::new();
            let a = square_at(&mut doc, 0.0, 0.0);
            let b = square_at(&mut doc, 5.0, 5.0);
            let id = boolean(&mut doc, &[a, b], op).unwrap();
            assert_eq!(doc.shapes.len(), 1);
            let region = shape_region(doc.shape(id).unwrap(), 0.01);
            assert!((region.area() - area).abs() < 1e-6, "{op:?}");
        }
    }

    #[test]
    fn disjoint_intersection_is_refused_and_leaves_the_document() {
        let mut doc = Document::new();
        let a = square_at(&mut doc, 0.0, 0.0);
        let b = square_at(&mut doc, 50.0, 0.0);
        let before = doc.clone();
        assert_eq!(
            boolean(&mut doc, &[a, b], Boolean::Intersection),
            Err(OpError::NothingLeft)
        );
        assert_eq!(doc, before);
    }

    #[test]
    fn reorder_and_distribute() {
        let mut doc = Document::new();
        let a = square_at(&mut doc, 0.0, 0.0);
        let b = square_at(&mut doc, 10.0, 0.0);
        let c = square_at(&mut doc, 100.0, 0.0);
        reorder(&mut doc, &[a], true);
        assert_eq!(doc.shapes[1].id, a);
        distribute(&mut doc, &[a, b, c], true);
        let centre = crate::outline::shape_bounds(doc.shape(b).unwrap())
            .unwrap()
            .center();
        assert!((centre.x - 50.0).abs() < 1e-9);
    }
}
