# Production image: the ASGI web server and the task worker run from this one image.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_PROFILE=production \
    STATIC_ROOT=/app/var/static MEDIA_ROOT=/data/media PRIVATE_MEDIA_ROOT=/data/private

WORKDIR /app
# Pango and fonts for WeasyPrint (the handreiking PDF embeds Liberation Sans).
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation \
 && rm -rf /var/lib/apt/lists/*
RUN useradd --system --create-home --home-dir /home/app app

COPY requirements.lock ./
RUN pip install --no-cache-dir --require-hashes --no-deps -r requirements.lock

COPY . .
RUN pip install --no-cache-dir --no-deps --no-build-isolation -e . \
 && SECRET_KEY=collectstatic-only-build-key-not-used-at-runtime-0123456789 \
    DATABASE_URL=postgres://build:build@localhost/build REDIS_URL=redis://localhost:6379/0 \
    EMAIL_HOST=localhost ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --no-input \
 && mkdir -p /data/media /data/private && chown -R app:app /data /app/var

USER app
EXPOSE 8000
CMD ["daphne", "-b", "0.0.0.0", "-p", "8000", "kennisplatform.asgi:application"]
