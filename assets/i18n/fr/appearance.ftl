# La fenêtre « Affichage » : taille de l'interface, police, contraste.
appearance-open = Affichage
appearance-open-tooltip = Affichage : taille du texte, police de lecture et contraste
appearance-title = Affichage
appearance-size = Taille de l'interface
appearance-smaller = Plus petit
appearance-larger = Plus grand
appearance-normal-size = Taille normale
appearance-percent = { $percent } %
appearance-shortcut = Raccourci : { $keys }
appearance-font = Police de lecture
appearance-font-andika = Andika : pour les lecteurs débutants
appearance-font-ubuntu = Ubuntu : plus fine, plus de texte par ligne
appearance-font-b612 = B612 : très lisible, pour les malvoyants
appearance-high-contrast = Contraste élevé
appearance-high-contrast-tooltip = Texte noir sur blanc, boutons encadrés de noir : plus facile à lire quand on voit mal
appearance-close = Fermer
