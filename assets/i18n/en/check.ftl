# Lab-readiness check: findings, fixes and the checklist panel.
# Every key here must also be in fr/check.ftl (a unit test checks).
# Lengths arrive already written in millimetres ($size, $gap…: "12.5").

## Summary line of `fabrique check`
check-summary-ready = { $input } is ready for { $machine }: no problem found.
check-summary-warnings = { $input } is ready for { $machine }, with { $warnings ->
        [one] one warning
       *[other] { $warnings } warnings
    }:
check-summary-blocked = { $input } is not ready for { $machine }: { $blocking ->
        [one] one problem
       *[other] { $blocking } problems
    } to fix, { $warnings ->
        [0] no warning
        [one] one warning
       *[other] { $warnings } warnings
    }:

## One line per finding: "PROBLEM: …" or "warning: …"
check-severity-blocking = PROBLEM
check-severity-warning = warning
check-line = { $label }: { $text }
check-fix-available = One-click fix in the app: { $fix }.

## Where to look (inserted after the subject of a sentence)
check-place-near = near x { $x }, y { $y } mm
check-place-shape = (shape { $id })
check-place-shapes = (shapes { $ids })
check-place-many = ({ $count } shapes)

## Findings: what, where, what to do
check-too-big-rotated = The design ({ $size }) fits the machine ({ $bed }) only turned a quarter turn. Turn it on the bed.
check-too-big = The design ({ $size }) is larger than the machine ({ $bed }). Scale it down or split it into smaller pieces.
check-open-path = A cut line is not closed (a gap of { $gap } mm){ $at }: the piece will not come free. Close the path.
check-open-slit = A cut line encloses nothing{ $at }: it will cut a slit. If you meant a shape, close it; if a slit is meant, ignore this.
check-duplicate-shape = A shape lies exactly on another ({ $length } mm of line){ $at }: the laser would burn it twice. Remove the copy.
check-duplicate-lines = { $length } mm of line is drawn twice{ $at }: another program would burn it twice (Fabrique's laser export burns it once). Remove one of the lines if you use another program.
check-narrow-burns = A strip of material is narrower than the laser's kerf ({ $limit } mm){ $at }: it burns away and the part breaks. Make it wider.
check-narrow = A strip of material is narrower than { $limit } mm{ $at }: it may snap or warp. Make it wider if you can.
check-hole-small = A hole of { $size } mm{ $at } is smaller than half the material's thickness: it will not cut cleanly. Make it at least { $min } mm.
check-text-small = Text of { $size } mm{ $at } is too small to engrave legibly. Make it at least { $min } mm.
check-island = A piece of { $area } mm²{ $at } sits inside a hole and will fall out. If this is a stencil, join it to the sheet with thin bridges.
check-floating = A part starts { $z } mm above the plate{ $at }: it would print in mid-air. Lower it onto the plate.
check-wall-thin = A wall is thinner than { $min } mm (two nozzle widths) at height { $z } mm{ $at }: it will not print. Make it thicker.
check-mesh-open = The solid is not closed{ $at } ({ $open } open and { $repeated } doubled edges): the slicer may refuse it. Move the shapes apart slightly or change their heights where they meet.
check-bad-height = A shape has an unusable height or base ({ $value }){ $at }. Give it a height in millimetres.
check-nothing = Nothing to print: no filled shape with a height. Draw closed, filled shapes; lines are for the laser.
check-off-bed = Part of the design lies outside the bed (up to { $by } mm beyond its edge): the machine will not make it there. Put it on the bed.

## One-click fixes (button tooltips in the app, last words of a CLI line)
check-fix-scale = scale the design to { $percent } %
check-fix-remove-duplicates = remove the copy
check-fix-close-path = close the path
check-fix-lower = lower it onto the plate
check-fix-thicken = thicken it to { $min } mm
check-fix-enlarge-hole = enlarge the hole to { $percent } % of its size
check-fix-bridges = add two bridges
check-fix-move-on-bed = put it on the bed

## The check in the app: top bar button and side panel
cmd-check = Check
cmd-check-tooltip = Is the design ready for the lab's machine? A list of problems, with one-click fixes
check-panel-title = Lab check
check-panel-machine = Checked for { $machine }
check-panel-empty = Nothing to check yet: draw a shape first.
check-panel-ready = Ready for the lab
check-panel-warnings = It can be made. Have a look at these warnings:
check-panel-not-ready = { $count ->
        [one] One problem to fix before the lab
       *[other] { $count } problems to fix before the lab
    }
check-panel-blocking = To fix
check-panel-warning = Warning
check-panel-show = Show
check-panel-show-tooltip = Select the shapes concerned and frame the place on the drawing
check-panel-fix = Fix
check-panel-checking = Checking…
check-panel-failed = The check stopped unexpectedly. Save your work, then try again after changing the drawing.

## Repeated findings, one line each kind; the drawing's contents at the end
check-group = { $text } And { $more ->
        [one] one more like it
       *[other] { $more } more like it
    } (fabrique check --json lists every one).
check-group-slits = { $count } slits{ $part }: a living hinge? They will be cut as lines, as drawn.
check-in-part = in part { $part }
check-contents = In the drawing: { $list }.
check-count-parts = { $count ->
        [one] one part to cut out
       *[other] { $count } parts to cut out
    }
check-count-solids = { $count ->
        [one] one part to print
       *[other] { $count } parts to print
    }
check-count-holes = { $count ->
        [one] one hole
       *[other] { $count } holes
    }
check-count-slits = { $count ->
        [one] one open cut line
       *[other] { $count } open cut lines
    }
check-count-score = { $count ->
        [one] one score line
       *[other] { $count } score lines
    }
check-count-engraved = { $count ->
        [one] one engraved area
       *[other] { $count } engraved areas
    }
