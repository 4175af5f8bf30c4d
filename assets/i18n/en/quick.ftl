# Quick projects (start screen): one form, one button, one file.
start-quick-title = Quick project:
start-quick-tooltip = A ready-made project for a one-hour workshop: one form, one click, and the file for the machine.
quick-keychain = Quick keychain
quick-keychain-intro = Type a name: Fabrique makes the plate, the raised letters and the ring's hole, ready for the 3D printer.
quick-keychain-made = Your keychain is ready: click Export to save the STL file. You can still change it.
quick-badge = Name badge
quick-badge-intro = Type a name: Fabrique makes the badge to cut and the name to engrave, ready for the laser cutter.
quick-badge-made = Your badge is ready: click Export to save the SVG file. You can still change it.
quick-coaster = Picture coaster
quick-coaster-intro = A disc to cut, engraved with a picture: choose a sample picture or a photo of your own drawing.
quick-coaster-made = Your coaster is ready: click Export to save the SVG file. You can still change it.
quick-name = Name
quick-letter-size = Letter size (mm)
quick-font = Font
quick-hole = Hole for the ring
quick-diameter = Diameter (mm)
quick-create = Create
quick-choose-picture = Choose the picture to engrave:
quick-own-picture = A picture of mine…
quick-error-no-name = First type a name (at least one letter).
quick-error-letter-size = Type a letter size between { $min } and { $max } mm.
quick-error-diameter = Type a diameter between { $min } and { $max } mm.

# Sample pictures (shipped with Fabrique)
sample-feuille = A leaf
sample-chat = A cat
file-samples = Sample pictures:
