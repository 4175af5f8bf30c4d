# Lab-readiness check: findings, fixes and the checklist panel.
