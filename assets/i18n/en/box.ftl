# Finger-joint box ("Boîte à encoches"). Every key here must also be in fr/box.ftl.

box-button = Box
box-button-tooltip = Make the panels of a box with finger joints, ready for the laser
box-title = Finger-joint box
box-intro = Type the inside size of the box. The panels interlock along their edges; they are made slightly bigger by half the kerf so that the joints hold tight.
box-width = Inner width (mm)
box-width-tooltip = Inside size from left to right, in millimetres
box-depth = Inner depth (mm)
box-depth-tooltip = Inside size from front to back, in millimetres
box-height = Inner height (mm)
box-height-tooltip = Inside size from the bottom up, in millimetres
box-thickness = Material thickness (mm)
box-thickness-tooltip = Measure your sheet with a calliper: plywood sold as 3 mm is often 2.8 to 3.2 mm
box-kerf = Kerf (mm)
box-kerf-tooltip = Width the laser beam burns away, usually 0.1 to 0.3 mm; ask the lab for its machine's value (0 for no compensation)
box-lid = Lid
box-lid-tooltip = A closed box with a lid (6 panels); untick for a box open at the top (5 panels)
box-create = Create
box-created = Box created: { $count } panels, grouped together. Cut them all, then press them together.
box-error-not-a-number = « { $field } » is not a number. Type a length in millimetres, for example 80 or 2.5.
box-error-not-positive = « { $field } » must be more than 0 (you typed { $value }).
box-error-kerf-negative = The kerf cannot be negative (you typed { $value }). Type 0 for no compensation.
box-error-too-large = « { $field } » is { $value } mm: that is bigger than any laser (at most { $max } mm).
box-error-too-thin = A sheet of { $thickness } mm is too thin for finger joints: use material at least { $min } mm thick.
box-error-too-thick = The material ({ $thickness } mm) is too thick for this box: it must be less than a third of the smallest inside size ({ $size } mm), so under { $max } mm. Use thinner material or make the box bigger.
box-error-kerf-too-large = The kerf ({ $kerf } mm) must be smaller than the material thickness ({ $thickness } mm). It is usually 0.1 to 0.3 mm.
box-error-internal = The box could not be made (this is a bug in Fabrique: { $reason }). Try slightly different sizes.
