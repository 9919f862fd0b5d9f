"""The read-only API of programmes, countries and thematic areas: the shared fields and "Ref"
serializers (``fields``), the programmes (``programmes``), the countries and areas (``places``)."""
