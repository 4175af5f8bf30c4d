//! What a finger-joint box is made from, and why a set of numbers cannot
//! make one. Every number the maker types is checked here, once, so the
//! rest of the module can trust its inputs and never panics on them.

/// Largest inner size accepted, mm: bigger than any lab laser's bed, so
/// anything beyond is a typo (2000 for 200).
pub const MAX_SIZE_MM: f64 = 2000.0;

/// Thinnest sheet accepted, mm: below this no sheet holds a joint (and the
/// fingers would vanish in the booleans' 30 nm grid long before that).
pub const MIN_THICKNESS_MM: f64 = 0.5;

/// The sheet may be at most this fraction of the smallest inner size: each
/// edge then has room for at least three fingers wider than the sheet.
pub const MAX_THICKNESS_RATIO: f64 = 1.0 / 3.0;

/// The numbers a finger-joint box is made from (mm).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BoxParams {
    /// Inside width (along X), mm.
    pub width: f64,
    /// Inside depth (along Y), mm.
    pub depth: f64,
    /// Inside height (along Z), mm.
    pub height: f64,
    /// Sheet thickness, mm.
    pub thickness: f64,
    /// Width of material the beam burns away, mm (0: no compensation).
    pub kerf: f64,
    /// A closed box with a lid (6 panels), or open at the top (5 panels).
    pub lid: bool,
}

/// One of the numbers of [`BoxParams`], to say which one is wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoxField {
    /// [`BoxParams::width`].
    Width,
    /// [`BoxParams::depth`].
    Depth,
    /// [`BoxParams::height`].
    Height,
    /// [`BoxParams::thickness`].
    Thickness,
    /// [`BoxParams::kerf`].
    Kerf,
}

/// Why these numbers do not make a box. Variants carry data, not prose:
/// the app and the CLI write the sentence in the maker's language.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum FingerBoxError {
    /// Not a number (NaN or infinite).
    #[error("{field:?} is not a number")]
    NotANumber {
        /// Which number.
        field: BoxField,
    },
    /// Zero or negative where a length is needed (negative for the kerf).
    #[error("{field:?} must be positive, not {value}")]
    NotPositive {
        /// Which number.
        field: BoxField,
        /// The value, mm.
        value: f64,
    },
    /// Bigger than any lab machine makes.
    #[error("{field:?} of {value} mm is larger than {max_mm} mm")]
    TooLarge {
        /// Which number.
        field: BoxField,
        /// The value, mm.
        value: f64,
        /// The largest accepted, mm.
        max_mm: f64,
    },
    /// A sheet too thin to hold a joint.
    #[error("a sheet of {thickness_mm} mm is thinner than {min_mm} mm")]
    TooThin {
        /// The thickness, mm.
        thickness_mm: f64,
        /// The thinnest accepted, mm.
        min_mm: f64,
    },
    /// A sheet too thick for the box: no room for three fingers per edge.
    #[error(
        "a sheet of {thickness_mm} mm is too thick for an inner {field:?} of {size_mm} mm (at most {max_mm} mm)"
    )]
    TooThick {
        /// The thickness, mm.
        thickness_mm: f64,
        /// The smallest inner size, which limits the thickness.
        field: BoxField,
        /// That size, mm.
        size_mm: f64,
        /// The thickest sheet that works, mm (a third of that size).
        max_mm: f64,
    },
    /// A kerf as wide as the sheet: the compensation would close the slots.
    #[error("a kerf of {kerf_mm} mm is not less than the thickness {thickness_mm} mm")]
    KerfTooLarge {
        /// The kerf, mm.
        kerf_mm: f64,
        /// The thickness, mm.
        thickness_mm: f64,
    },
    /// Our bug: a panel's outline came out of the kerf offset as something
    /// other than one simple polygon.
    #[error("internal error: the {panel:?} panel's outline is broken")]
    Internal {
        /// The panel.
        panel: super::PanelName,
    },
}

impl BoxParams {
    /// Checks every number; the first problem found, in field order.
    ///
    /// ```
    /// use geometry::finger_box::{BoxParams, FingerBoxError};
    /// let mut params = BoxParams { width: 80.0, depth: 60.0, height: 40.0,
    ///     thickness: 3.0, kerf: 0.15, lid: true };
    /// assert!(params.validate().is_ok());
    /// params.thickness = 50.0;
    /// assert!(matches!(params.validate(), Err(FingerBoxError::TooThick { .. })));
    /// ```
    pub fn validate(&self) -> Result<(), FingerBoxError> {
        let sizes = [
            (BoxField::Width, self.width),
            (BoxField::Depth, self.depth),
            (BoxField::Height, self.height),
        ];
        for (field, value) in sizes
            .iter()
            .copied()
            .chain([(BoxField::Thickness, self.thickness)])
        {
            if !value.is_finite() {
                return Err(FingerBoxError::NotANumber { field });
            }
            if value <= 0.0 {
                return Err(FingerBoxError::NotPositive { field, value });
            }
            if value > MAX_SIZE_MM {
                return Err(FingerBoxError::TooLarge {
                    field,
                    value,
                    max_mm: MAX_SIZE_MM,
                });
            }
        }
        if self.thickness < MIN_THICKNESS_MM {
            return Err(FingerBoxError::TooThin {
                thickness_mm: self.thickness,
                min_mm: MIN_THICKNESS_MM,
            });
        }
        let (field, size_mm) = sizes
            .iter()
            .copied()
            .fold(sizes[0], |a, b| if b.1 < a.1 { b } else { a });
        let max_mm = size_mm * MAX_THICKNESS_RATIO;
        if self.thickness >= max_mm {
            return Err(FingerBoxError::TooThick {
                thickness_mm: self.thickness,
                field,
                size_mm,
                max_mm,
            });
        }
        if !self.kerf.is_finite() {
            return Err(FingerBoxError::NotANumber {
                field: BoxField::Kerf,
            });
        }
        if self.kerf < 0.0 {
            return Err(FingerBoxError::NotPositive {
                field: BoxField::Kerf,
                value: self.kerf,
            });
        }
        if self.kerf >= self.thickness {
            return Err(FingerBoxError::KerfTooLarge {
                kerf_mm: self.kerf,
                thickness_mm: self.thickness,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> BoxParams {
        BoxParams {
            width: 80.0,
            depth: 60.0,
            height: 40.0,
            thickness: 3.0,
            kerf: 0.15,
            lid: true,
        }
    }

    #[track_caller]
    fn refused(change: impl Fn(&mut BoxParams), expected: impl Fn(&FingerBoxError) -> bool) {
        let mut params = good();
        change(&mut params);
        match params.validate() {
            Err(error) => assert!(expected(&error), "{params:?}: {error:?}"),
            Ok(()) => panic!("{params:?} was accepted"),
        }
    }

    #[test]
    fn nonsense_numbers_are_refused_with_what_is_wrong() {
        use FingerBoxError as E;
        assert_eq!(good().validate(), Ok(()));
        refused(
            |p| p.width = f64::NAN,
            |e| {
                matches!(
                    e,
                    E::NotANumber {
                        field: BoxField::Width
                    }
                )
            },
        );
        refused(
            |p| p.depth = f64::INFINITY,
            |e| {
                matches!(
                    e,
                    E::NotANumber {
                        field: BoxField::Depth
                    }
                )
            },
        );
        refused(
            |p| p.height = 0.0,
            |e| {
                matches!(
                    e,
                    E::NotPositive {
                        field: BoxField::Height,
                        ..
                    }
                )
            },
        );
        refused(
            |p| p.width = -5.0,
            |e| {
                matches!(
                    e,
                    E::NotPositive {
                        field: BoxField::Width,
                        ..
                    }
                )
            },
        );
        refused(
            |p| p.depth = 2500.0,
            |e| {
                matches!(
                    e,
                    E::TooLarge {
                        field: BoxField::Depth,
                        ..
                    }
                )
            },
        );
        refused(|p| p.thickness = 0.1, |e| matches!(e, E::TooThin { .. }));
        refused(
            |p| p.thickness = 50.0,
            |e| matches!(e, E::TooThick { field: BoxField::Height, size_mm, .. } if *size_mm == 40.0),
        );
        // Exactly a third is already too thick: the middle finger would be
        // as wide as the sheet and the corner fingers would touch.
        refused(
            |p| p.thickness = 40.0 / 3.0,
            |e| matches!(e, E::TooThick { .. }),
        );
        refused(
            |p| p.kerf = -0.1,
            |e| {
                matches!(
                    e,
                    E::NotPositive {
                        field: BoxField::Kerf,
                        ..
                    }
                )
            },
        );
        refused(
            |p| p.kerf = f64::NAN,
            |e| {
                matches!(
                    e,
                    E::NotANumber {
                        field: BoxField::Kerf
                    }
                )
            },
        );
        refused(|p| p.kerf = 3.0, |e| matches!(e, E::KerfTooLarge { .. }));
        let mut zero_kerf = good();
        zero_kerf.kerf = 0.0;
        assert_eq!(zero_kerf.validate(), Ok(()));
    }
}
