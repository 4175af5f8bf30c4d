# Kiosk mode: next person, animator PIN, export folder.

## The kiosk bar
kiosk-next-person = Next person
kiosk-next-person-tooltip = Clears everything of the person before you: drawing, undo, files in progress.
kiosk-animator = Animator
kiosk-animator-tooltip = For the lab's animator: settings and Quit, with the PIN.
kiosk-export-to = Your files go to: { $folder }

## Banner: what is wrong and what the animator should do
kiosk-banner-export-missing = The export folder { $folder } is not there. If it is a USB stick, plug it in; saving and exporting work again as soon as it is there.
kiosk-banner-missing = Kiosk mode is not set up: there is no file { $file }. Animator: create it (see "Kiosk mode" in the README), then restart Fabrique. Saving and exporting are off until then.
kiosk-banner-unreadable = Kiosk mode cannot read { $file } ({ $reason }). Animator: make the file readable by this account, then restart Fabrique. Saving and exporting are off until then.
kiosk-banner-malformed = The kiosk file { $file } has a mistake at line { $line }, column { $column }{ $detail }. Animator: correct it, then restart Fabrique. Saving and exporting are off until then.
kiosk-banner-malformed-field = : there is no setting called "{ $field }"
kiosk-banner-invalid = In the kiosk file { $file }, "{ $field }" is not valid: { $hint } Animator: correct it, then restart Fabrique. Saving and exporting are off until then.
kiosk-banner-unlocked = Without a valid file there is no PIN: Fabrique can be closed freely.
kiosk-banner-readable = The kiosk file { $file } can be read by every account of this computer, PIN included. Animator: run "chmod 600 { $file }" as its owner.
kiosk-banner-pin-clear = The PIN is still written in clear in { $file } (Fabrique could not rewrite it). Animator: run "fabrique kiosk-pin" to keep only its hash.
kiosk-hint-animator_pin_hash = it must be what "fabrique kiosk-pin" writes; run it again.
kiosk-hint-animator_pin = it must have at least { $min } characters and not be one a visitor would try first (0000, 1234, 1212…).
kiosk-hint-export_folder = it must be a full path outside the system folders (/etc, /usr, /var…), such as /media/fablab/USB.
kiosk-hint-import_folders = each must be a full path outside the system folders (/etc, /usr, /var…), such as /home/kiosk/Models.
kiosk-hint-language = it must be "fr" or "en".
kiosk-hint-machine = it must be one of: { $machines }.

## Files in kiosk mode
kiosk-files-off = Saving, opening and exporting are off: kiosk mode is not set up. Ask the lab's animator.
kiosk-folder-missing = The folder { $folder } is not there. If it is a USB stick, plug it in, then try again.
kiosk-jail-parent = ".." is not allowed here. Choose a file in { $folders }.
kiosk-jail-outside = On this computer you can only use { $folders }. Choose a file there.
kiosk-jail-link = This leads outside { $folders }. Choose another file.

## Next person
kiosk-next-title = Clear everything for the next person?
kiosk-next-text = Your drawing, its undo history and the files in progress on this computer will be erased. What you saved or exported to your USB stick stays on it.
kiosk-next-yes = Yes, clear everything

## Animator PIN
kiosk-pin-title = Animator
kiosk-pin-text-settings = Type the animator's PIN to open the settings.
kiosk-pin-text-quit = Fabrique is in kiosk mode. Type the animator's PIN to quit.
kiosk-pin-label = PIN
kiosk-pin-confirm = Unlock
kiosk-pin-wrong = Wrong PIN. Try again, or ask the lab's animator.
kiosk-pin-locked-seconds = Too many wrong PINs. Wait { $count ->
    [one] { $count } second
   *[other] { $count } seconds
}, then try again.
kiosk-pin-locked-minutes = Too many wrong PINs. Wait { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}, then try again.

## Animator settings
kiosk-settings-title = Kiosk settings
kiosk-settings-broken = The kiosk file has a problem (see the banner). Correct it, then quit and restart Fabrique.
kiosk-settings-language = Language for each new person
kiosk-settings-machine = Machine for each new person
kiosk-settings-machine-none = First machine of the list
kiosk-settings-folder = Export folder
kiosk-settings-folder-absolute = The export folder must be a full path, such as /media/fablab/USB.
kiosk-settings-save = Save settings
kiosk-settings-saved = Saved. The language and machine apply from the next person.
kiosk-settings-not-saved = Applied until Fabrique closes, but { $file } could not be written ({ $reason }). To keep them, edit that file as administrator.
kiosk-settings-link = Applied until Fabrique closes, but { $file } is a link: Fabrique does not replace it. To keep them, edit the file it points to.
kiosk-settings-close = Close
kiosk-quit = Quit Fabrique
kiosk-busy-dialog = A window is open: finish it first (or press Cancel / Close in it).
