# Projets rapides (écran d'accueil) : un formulaire, un bouton, un fichier.
start-quick-title = Projet rapide :
start-quick-tooltip = Un projet tout prêt pour un atelier d'une heure : un formulaire, un clic, et le fichier pour la machine.
quick-keychain = Porte-clés express
quick-keychain-intro = Tapez un prénom : Fabrique fait la plaque, les lettres en relief et le trou de l'anneau, prêts pour l'imprimante 3D.
quick-keychain-made = Votre porte-clés est prêt : cliquez sur Exporter pour enregistrer le fichier STL. Vous pouvez encore le modifier.
quick-badge = Badge prénom
quick-badge-intro = Tapez un prénom : Fabrique fait le badge à découper et le prénom à graver, prêts pour la découpeuse laser.
quick-badge-made = Votre badge est prêt : cliquez sur Exporter pour enregistrer le fichier SVG. Vous pouvez encore le modifier.
quick-coaster = Dessous de verre photo
quick-coaster-intro = Un disque à découper, gravé d'une image : choisissez une image d'exemple ou une photo de votre dessin.
quick-coaster-made = Votre dessous de verre est prêt : cliquez sur Exporter pour enregistrer le fichier SVG. Vous pouvez encore le modifier.
quick-name = Prénom
quick-letter-size = Taille des lettres (mm)
quick-font = Police
quick-hole = Trou pour l'anneau
quick-diameter = Diamètre (mm)
quick-create = Créer
quick-choose-picture = Choisissez l'image à graver :
quick-own-picture = Une image à moi…
quick-error-no-name = Tapez d'abord un prénom (au moins une lettre).
quick-error-letter-size = Tapez une taille de lettres entre { $min } et { $max } mm.
quick-error-diameter = Tapez un diamètre entre { $min } et { $max } mm.

# Images d'exemple (fournies avec Fabrique)
sample-feuille = Une feuille
sample-chat = Un chat
file-samples = Images d'exemple :
