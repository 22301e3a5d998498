"""The checklist dossier of an organisation: the handreiking's checklists, ticked by its officials,
and its own leegstandverordening, built with the wizard on the model verordening.

Private to the organisation: read keys ``organisation:<id>``, held only by verified officials of
that organisation (``kennisplatform.access.organisation_keys``). Never indexed for search.
"""
