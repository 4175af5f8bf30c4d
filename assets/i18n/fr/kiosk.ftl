# Kiosk mode: next person, animator PIN, export folder.

## La barre du kiosque
kiosk-next-person = Personne suivante
kiosk-next-person-tooltip = Efface tout ce qu'a fait la personne d'avant : dessin, annulations, fichiers en cours.
kiosk-animator = Animateur
kiosk-animator-tooltip = Pour l'animateur ou l'animatrice du lieu : réglages et Quitter, avec le code.
kiosk-export-to = Vos fichiers vont dans : { $folder }

## Bandeau : ce qui ne va pas et ce que doit faire l'animateur
kiosk-banner-export-missing = Le dossier d'export { $folder } est introuvable. Si c'est une clé USB, branchez-la : enregistrer et exporter remarchent dès qu'elle est là.
kiosk-banner-missing = Le mode kiosque n'est pas réglé : le fichier { $file } n'existe pas. Animateur : créez-le (voir « Mode kiosque » dans le README), puis relancez Fabrique. Enregistrer et exporter sont désactivés d'ici là.
kiosk-banner-unreadable = Le mode kiosque ne peut pas lire { $file } ({ $reason }). Animateur : rendez ce fichier lisible par ce compte, puis relancez Fabrique. Enregistrer et exporter sont désactivés d'ici là.
kiosk-banner-malformed = Le fichier du kiosque { $file } contient une erreur ligne { $line }, colonne { $column }{ $detail }. Animateur : corrigez-la, puis relancez Fabrique. Enregistrer et exporter sont désactivés d'ici là.
kiosk-banner-malformed-field = {" "}: le réglage « { $field } » n'existe pas
kiosk-banner-invalid = Dans le fichier du kiosque { $file }, « { $field } » n'est pas valable : { $hint } Animateur : corrigez-le, puis relancez Fabrique. Enregistrer et exporter sont désactivés d'ici là.
kiosk-banner-unlocked = Sans fichier valable, il n'y a pas de code : Fabrique peut être fermé librement.
kiosk-banner-readable = Le fichier du kiosque { $file } est lisible par tous les comptes de cet ordinateur, code compris. Animateur : lancez « chmod 600 { $file } » en tant que son propriétaire.
kiosk-banner-pin-clear = Le code est encore écrit en clair dans { $file } (Fabrique n'a pas pu le réécrire). Animateur : lancez « fabrique kiosk-pin » pour n'en garder que l'empreinte.
kiosk-hint-animator_pin_hash = il faut ce qu'écrit « fabrique kiosk-pin » ; relancez-la.
kiosk-hint-animator_pin = il faut au moins { $min } caractères, et pas un code qu'un visiteur essaierait d'abord (0000, 1234, 1212…).
kiosk-hint-export_folder = il faut un chemin complet hors des dossiers du système (/etc, /usr, /var…), par exemple /media/fablab/CLE.
kiosk-hint-import_folders = chacun doit être un chemin complet hors des dossiers du système (/etc, /usr, /var…), par exemple /home/kiosque/Modeles.
kiosk-hint-language = il faut « fr » ou « en ».
kiosk-hint-machine = il faut l'une de ces machines : { $machines }.

## Les fichiers en mode kiosque
kiosk-files-off = Enregistrer, ouvrir et exporter sont désactivés : le mode kiosque n'est pas réglé. Demandez à l'animateur du lieu.
kiosk-folder-missing = Le dossier { $folder } est introuvable. Si c'est une clé USB, branchez-la, puis réessayez.
kiosk-jail-parent = « .. » n'est pas permis ici. Choisissez un fichier dans { $folders }.
kiosk-jail-outside = Sur cet ordinateur, vous ne pouvez utiliser que { $folders }. Choisissez un fichier là.
kiosk-jail-link = Ceci mène en dehors de { $folders }. Choisissez un autre fichier.

## Personne suivante
kiosk-next-title = Tout effacer pour la personne suivante ?
kiosk-next-text = Votre dessin, son historique d'annulation et les fichiers en cours sur cet ordinateur seront effacés. Ce que vous avez enregistré ou exporté sur votre clé USB y reste.
kiosk-next-yes = Oui, tout effacer

## Code animateur
kiosk-pin-title = Animateur
kiosk-pin-text-settings = Tapez le code de l'animateur pour ouvrir les réglages.
kiosk-pin-text-quit = Fabrique est en mode kiosque. Tapez le code de l'animateur pour quitter.
kiosk-pin-label = Code
kiosk-pin-confirm = Déverrouiller
kiosk-pin-wrong = Code incorrect. Réessayez, ou demandez à l'animateur du lieu.
kiosk-pin-locked-seconds = Trop de codes incorrects. Attendez { $count ->
    [one] { $count } seconde
   *[other] { $count } secondes
}, puis réessayez.
kiosk-pin-locked-minutes = Trop de codes incorrects. Attendez { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}, puis réessayez.

## Réglages de l'animateur
kiosk-settings-title = Réglages du kiosque
kiosk-settings-broken = Le fichier du kiosque a un problème (voir le bandeau). Corrigez-le, puis quittez et relancez Fabrique.
kiosk-settings-language = Langue pour chaque nouvelle personne
kiosk-settings-machine = Machine pour chaque nouvelle personne
kiosk-settings-machine-none = Première machine de la liste
kiosk-settings-folder = Dossier d'export
kiosk-settings-folder-absolute = Le dossier d'export doit être un chemin complet, par exemple /media/fablab/CLE.
kiosk-settings-save = Enregistrer les réglages
kiosk-settings-saved = Enregistré. La langue et la machine s'appliquent dès la personne suivante.
kiosk-settings-not-saved = Appliqué jusqu'à la fermeture de Fabrique, mais { $file } n'a pas pu être écrit ({ $reason }). Pour les garder, modifiez ce fichier en administrateur.
kiosk-settings-link = Appliqué jusqu'à la fermeture de Fabrique, mais { $file } est un lien : Fabrique ne le remplace pas. Pour les garder, modifiez le fichier vers lequel il pointe.
kiosk-settings-close = Fermer
kiosk-quit = Quitter Fabrique
kiosk-busy-dialog = Une fenêtre est ouverte : terminez-la d'abord (ou appuyez sur Annuler / Fermer dedans).
