# Fabrique — English interface.
# Keys follow the UI path. Every key here must also be in fr.ftl.

## Commands (label, then tooltip)
cmd-new = New
cmd-new-tooltip = Start an empty project
cmd-open = Open
cmd-open-tooltip = Open a Fabrique project (.fabrique)
cmd-save = Save
cmd-save-tooltip = Save the project
cmd-save-as = Save as
cmd-save-as-tooltip = Save the project under a new name
cmd-import = Import
cmd-import-tooltip = Bring an SVG drawing in, at its real size
cmd-export = Export
cmd-export-tooltip = Make the file for the laser cutter or the 3D printer
cmd-undo = Undo
cmd-undo-tooltip = Undo the last change
cmd-redo = Redo
cmd-redo-tooltip = Redo what you undid
cmd-delete = Delete
cmd-delete-tooltip = Delete the selected shapes
cmd-duplicate = Duplicate
cmd-duplicate-tooltip = Copy the selected shapes, slightly shifted
cmd-select-all = Select all
cmd-select-all-tooltip = Select every shape
cmd-union = Union
cmd-union-tooltip = Merge the selected shapes into one
cmd-difference = Difference
cmd-difference-tooltip = Cut the front shapes out of the one at the back
cmd-intersection = Intersection
cmd-intersection-tooltip = Keep only where the selected shapes overlap
cmd-offset = Offset
cmd-offset-tooltip = Grow the selected shapes by the distance below (a negative distance shrinks them)
cmd-bring-forward = Forward
cmd-bring-forward-tooltip = Move the selection one step to the front
cmd-send-backward = Backward
cmd-send-backward-tooltip = Move the selection one step to the back
cmd-group = Group
cmd-group-tooltip = Make the selected shapes one group: clicking one then selects them all
cmd-ungroup = Ungroup
cmd-ungroup-tooltip = Take the selected shapes out of their group
cmd-align-left = Left
cmd-align-left-tooltip = Line up the left edges
cmd-align-center = Centre
cmd-align-center-tooltip = Line up the vertical centres
cmd-align-right = Right
cmd-align-right-tooltip = Line up the right edges
cmd-align-top = Top
cmd-align-top-tooltip = Line up the top edges
cmd-align-middle = Middle
cmd-align-middle-tooltip = Line up the horizontal middles
cmd-align-bottom = Bottom
cmd-align-bottom-tooltip = Line up the bottom edges
cmd-distribute-horizontally = Space across
cmd-distribute-horizontally-tooltip = Space the shapes evenly from left to right
cmd-distribute-vertically = Space up
cmd-distribute-vertically-tooltip = Space the shapes evenly from bottom to top
cmd-fit-view = Fit to view
cmd-fit-view-tooltip = Show the whole drawing and the machine's bed
cmd-toggle-snap = Snap
cmd-toggle-snap-tooltip = Snap to the grid and to other shapes' edges and centres

## Tools
tool-select = Select
tool-select-tooltip = Click a shape to choose it, drag to move it, use the handles to resize or turn it
tool-rectangle = Rectangle
tool-rectangle-tooltip = Draw a rectangle, from one corner to the other
tool-rounded = Rounded
tool-rounded-tooltip = Draw a rectangle with round corners
tool-ellipse = Circle
tool-ellipse-tooltip = Draw a circle or an ellipse (Shift: a perfect circle)
tool-polygon = Polygon
tool-polygon-tooltip = Draw a regular polygon from its centre
tool-star = Star
tool-star-tooltip = Draw a star from its centre
tool-text = Text
tool-text-tooltip = Write a name or a word
tool-pencil = Pencil
tool-pencil-tooltip = Draw freely; the line is smoothed

## Hints (status line)
hint-select-idle = Click a shape to choose it, or pick a tool on the left to draw.
hint-select-selected = Drag to move, drag a square handle to resize (Shift: keep proportions), the round handle to turn. Type exact sizes on the right.
hint-select-one = Drag to move, drag a handle to resize or turn. Shift+click another shape to choose two (to combine or align them).
hint-select-moving = Release to drop the shapes here. Esc puts them back.
hint-select-resizing = Release to set the size. Shift keeps the proportions, Esc cancels.
hint-select-rotating = Release to set the angle. Shift turns in steps of 15°, Esc cancels.
hint-select-rubber-band = Release to select every shape inside the box.
hint-draw-first-corner = Press where the first corner goes and drag to the opposite corner. A simple click makes a 20 mm shape centred there; Enter, in the middle of the view.
hint-draw-second-corner = Release at the opposite corner. Shift keeps it square (or round), Ctrl draws from the centre, Esc cancels.
hint-text-place = Click where the text goes (or Enter: in the middle of the view), then type it in the panel on the right.
hint-pencil-idle = Press and draw. End near the start to make a closed shape.
hint-pencil-drawing = Release to finish the line. Esc cancels.

## Properties panel
props-title = Properties
props-nothing-selected = Nothing selected. Draw a shape with a tool on the left, or click a shape.
props-count = { $count } shapes selected
props-x = X (mm)
props-x-tooltip = Distance of the left edge from the bed's left edge
props-y = Y (mm)
props-y-tooltip = Distance of the bottom edge from the bed's front edge
props-width = Width (mm)
props-width-tooltip = Width of the selection; type a number and press Enter
props-height = Height (mm)
props-height-tooltip = Height of the selection on the drawing; type a number and press Enter
props-rotation = Rotation (°)
props-rotation-tooltip = Angle in degrees, anticlockwise
props-lock-ratio = Keep proportions
props-lock-ratio-tooltip = Changing the width also changes the height, and the other way round
props-role = What the laser does
role-cut = Cut
role-cut-tooltip = Cut right through along the outline (red line)
role-score = Score
role-score-tooltip = Mark a line without cutting through (blue line)
role-engrave = Engrave
role-engrave-tooltip = Burn the inside of the shape (black)
props-extrude-height = Thickness (mm)
props-extrude-height-tooltip = How tall the shape stands in 3D
props-base = Starts at (mm)
props-base-tooltip = Height of the shape's bottom above the bed: 3 puts letters on top of a 3 mm plate
props-height-slider = Thickness
props-hole = Hole
props-hole-tooltip = The shape removes material instead of adding it: a keychain's ring hole, sunken letters
props-outline-not-extruded = This is a line, not a surface: it is not printed in 3D.
props-text = Text
props-font = Font
props-font-size = Letter size (mm)
props-font-size-tooltip = Size of the letters, in millimetres
props-sides = Sides
props-sides-tooltip = Number of sides, 3 to 100
props-points = Points
props-points-tooltip = Number of points of the star, 3 to 100
props-inner-ratio = Inner size
props-inner-ratio-tooltip = Depth of the notches, between 0 and 1 (0.5: halfway)
props-corner-radius = Corner radius (mm)
props-corner-radius-tooltip = Radius of the round corners
props-combine = Combine the selected shapes
props-need-two = Choose at least two shapes: Shift+click the second one (or drag a frame around them).
props-offset-distance = Distance (mm)
props-offset-distance-tooltip = How much Offset grows the shapes; negative shrinks them
props-align = Line up

## Top bar
mode-laser = Laser
mode-laser-tooltip = Design flat parts for the laser cutter: each shape is cut, scored or engraved
mode-3d = 3D print
mode-3d-tooltip = Design a solid for the 3D printer: each shape has a thickness
machine-tooltip = The machine you will use: its bed is drawn on the canvas
machine-name-generic-laser = Generic laser
machine-name-generic-printer = Generic 3D printer
error-machine-file = A machine file of the lab could not be used and was left out ({ $reason }). Fix the file, then restart Fabrique.
language-tooltip = Language of the interface

## Status
status-shape-count = { $count ->
    [one] { $count } shape
   *[other] { $count } shapes
}
text-default = Text
file-default-stem = drawing

## 3D preview
preview-title = 3D preview
preview-reset = Reset view
preview-reset-tooltip = Look at the whole printer bed again. Drag to turn, right-drag to move, wheel to zoom.
preview-nothing = Nothing to print yet: draw a filled shape with a thickness.
preview-failed = This drawing could not be turned into a solid. Simplify it and try again.

## Dialogs
button-ok = OK
button-cancel = Cancel
unsaved-title = Save your changes?
unsaved-text = Your drawing has changes that are not saved in a project file.
unsaved-save = Save
unsaved-discard = Don't save
restore-title = Restore your work?
restore-text = Fabrique was closed without saving (a crash or a power cut). Your work from a few seconds before was kept.
restore-yes = Restore my work
restore-no = Start afresh
file-title-open = Open a project
file-title-save = Save the project
file-title-import = Import a drawing
file-title-export = Export
file-up = Up a folder
file-name = File name
file-confirm-open = Open file
file-confirm-save = Save file
file-need-name = Type a file name first.
file-name-hidden = A name starting with a dot makes a hidden file you would not find again. Remove the dot at the start.
file-name-too-long = This name is too long: { $max } characters at most. Shorten it.
file-replace-title = Replace the file?
file-replace-text = { $file } already exists (written { $age }). Replace it with this one? It cannot be brought back.
file-replace-yes = Replace
file-replace-no = Choose another name
age-now = just now
age-minutes = { $count ->
    [one] { $count } minute ago
   *[other] { $count } minutes ago
}
age-hours = { $count ->
    [one] { $count } hour ago
   *[other] { $count } hours ago
}
age-days = { $count ->
    [one] { $count } day ago
   *[other] { $count } days ago
}
export-title = Export
export-text = Which file does the machine need?
format-svg = Laser SVG
format-svg-tooltip = For most laser cutters: sizes in millimetres, cut in red, score in blue, engrave in black
format-dxf = DXF
format-dxf-tooltip = For laser software that prefers DXF (one layer per operation)
format-stl = STL
format-stl-tooltip = For any slicer: the solid's surface, in millimetres
format-3mf = 3MF
format-3mf-tooltip = For current slicers (PrusaSlicer, Bambu Studio, Cura): carries units and parts

## Messages
info-opened = Opened { $file }.
info-saved = Saved { $file }.
info-exported = Exported { $file }.
info-imported = Imported { $count } shapes at their real size.
info-imported-no-size = Imported { $count } shapes. The file gives no real size: check the size on the right.

## Errors (what happened, and what to do)
error-not-a-number = Type a number, for example 40 or 12.5.
error-not-positive = This must be more than zero.
error-too-large = This is far bigger than any machine: check the number.
error-nothing-selected = Select a shape first: click it with the Select tool.
error-need-two-shapes = Select at least two filled shapes (Shift-click to add one).
error-beyond-limits = Not done: the drawing would hold more than 200,000 segments or reach more than 10 m from its origin, and could not be opened again. Your drawing is as it was.
error-need-two-shapes-to-group = Select at least two shapes to group (Shift-click to add one).
error-nothing-left = Nothing would be left: the shapes do not overlap enough. Move them and try again.
error-project-io = Could not open or write { $file } ({ $reason }). Check the file is there and the folder is not read-only.
error-project-corrupt = { $file } is not a Fabrique project, or it is damaged. Nothing was changed; your work is still here.
error-project-newer = { $file } was made with a newer Fabrique. Update Fabrique to open it; nothing was changed.
error-project-too-large = { $file } is far too large to be a project. Nothing was changed.
error-file-not-a-file = { $file } is not an ordinary file (a folder, a pipe or a device): Fabrique cannot read it. Choose a drawing, a picture or a project.
error-file-too-large = { $file } is too large ({ $size } MB; Fabrique reads at most { $max } MB). Choose a smaller file or simplify the drawing.
error-read = Could not read { $file } ({ $reason }).
error-import = { $file } could not be imported: { $reason }. Open it in Inkscape and save it again as plain SVG.
error-import-kind = { $file } is neither an SVG drawing nor a picture. Fabrique imports SVG files and traces pictures (PNG, JPEG, BMP, GIF, WebP).
error-import-empty = This SVG draws nothing visible: there is nothing to import.
error-export-empty = Draw something first: there is nothing to export.
error-export-nothing-laser = Nothing to cut: every shape has zero size. Draw or resize a shape first.
error-export-nothing-3d = Nothing to print: give at least one filled shape a thickness above zero.
error-export-height = A thickness or start height is not a usable number. Check the 3D properties of your shapes.
error-export-io = The file could not be written ({ $reason }). Check the USB stick or folder has space and is not read-only.
error-export-extension = Choose a file name ending in .svg, .dxf, .stl or .3mf.
error-export-internal = Export failed because of a problem in Fabrique ({ $reason }). Save your project and tell the fablab team.
error-autosave = Autosave failed ({ $reason }). Save your project yourself to be safe.
error-export-not-closed = Shapes of different thicknesses meet in a way Fabrique cannot close, near x { $x }, y { $y } mm. Move them 0.1 mm apart or overlap them.
info-export-cancelled = Export cancelled: no file was written.
info-save-cancelled = Save cancelled: the file on disk was not changed.
info-open-cancelled = Opening cancelled: your drawing is unchanged.
info-import-cancelled = Import cancelled: nothing was added.
info-busy = Fabrique is still busy with the last file: wait a moment, then try again.
progress-working = Working…
trace-title = Trace a picture
trace-loading = Reading the picture…
trace-working = Tracing the whole picture…
trace-mode-filled = Shapes
trace-mode-filled-tooltip = Dark areas become filled shapes (stencils, logos, letters)
trace-mode-lines = Lines
trace-mode-lines-tooltip = Each pen stroke becomes one line, cut or scored once (drawings, sketches)
trace-auto = Automatic
trace-auto-tooltip = Follows the paper's brightness across the picture: a photo's shadows and uneven light do not matter. Untick to set "Dark or light" by hand.
trace-threshold = Dark or light
trace-threshold-tooltip = Pixels darker than this become shapes. Move it until the preview looks right.
trace-invert = Invert
trace-invert-tooltip = Trace the light parts instead of the dark ones
trace-speckles = Remove specks
trace-speckles-tooltip = Specks smaller than this many pixels are left out
trace-width = Width of the result
trace-confirm = Trace and import
error-trace-nothing = Nothing to trace: the picture is all light or all dark at this setting. Move the "Dark or light" slider.
error-trace-too-detailed = This picture gives far too many small details to trace (more than 200,000 segments): it looks like a texture or noise rather than a drawing. Photograph the drawing alone, on plain paper, or untick "Automatic" and move "Dark or light".
error-trace-too-large = This picture is too large to trace. Make it smaller (under 10,000 pixels across) and try again.
error-trace-unreadable = This picture cannot be read. Save it again as PNG or JPEG and try again.
tool-pen = Pen
tool-pen-tooltip = Click to place corners, drag to pull curves
hint-pen-idle = Click to place the first point. Press and drag to make a curve.
hint-pen-placing = Click for a corner, drag for a curve. Click the first point to close; Enter or double-click ends an open line; Esc cancels.
info-moved-on-bed = The drawing was moved onto this machine's bed (Undo puts it back).

## At start, when the window cannot open (one line in the terminal)
start-failed-graphics = this computer's OpenGL 2 display does not start ({ $reason }). Start Fabrique with software rendering: LIBGL_ALWAYS_SOFTWARE=1 fabrique (the command line works too: fabrique --help).
start-failed-display = no screen to open the window on ({ $reason }). Start Fabrique from a graphical session, or use the command line: fabrique --help
start-failed-other = the window cannot open ({ $reason }). Use the command line meanwhile: fabrique --help
