# The colour step of an SVG import, and cropping the laser export.

import-colors-title = Colours of the drawing
import-colors-text = Each colour tells the laser what to do. Choose for each colour, then import.
import-colors-generator = Drawing made with { $generator }: its colours are already set the way it uses them. Check, then import.
import-colors-lines = Lines { $color }
import-colors-areas = Areas { $color }
import-colors-length = { $length } mm
import-colors-areas-count = { $count ->
    [one] one shape
   *[other] { $count } shapes
}
import-colors-ignore = Ignore
import-colors-preview = What the laser will do
import-colors-import = Import
export-crop = Crop to the drawing
export-crop-text = Otherwise the page is the machine's bed, and every part stays where you placed it.
import-colors-all-ignored = Every colour of this drawing is set to ignore: nothing was imported. Import it again and choose what the laser does with at least one colour.
