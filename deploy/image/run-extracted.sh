#!/bin/sh
# Starts the image's entrypoint inside its extracted layers (./rootfs), as the image's user, with the
# image's environment, against the local MariaDB.
set -eu
mount -t proc proc rootfs/proc
mount --bind /dev rootfs/dev
mount -t tmpfs tmpfs rootfs/tmp
exec env -i \
  PATH=/usr/lib/jvm/java-17-openjdk-amd64/bin:/usr/bin:/bin JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 \
  LANG=C.UTF-8 BESTPLACE_CRITERIA_DIR=/deployments/criteria \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:mariadb://127.0.0.1:3306/bestplace_image_check \
  QUARKUS_DATASOURCE_USERNAME=root QUARKUS_DATASOURCE_PASSWORD= \
  BESTPLACE_ADMIN_PASSWORD=image-check-lead-2026 \
  BESTPLACE_PSEUDONYMISATION_KEY=image-check-pseudonymisation-key-0123456789 \
  QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY=image-check-session-encryption-key-0123456789 \
  QUARKUS_HTTP_PORT=18080 QUARKUS_MANAGEMENT_PORT=19000 QUARKUS_MANAGEMENT_HOST=127.0.0.1 \
  /usr/sbin/chroot --userspec=10001:10001 rootfs \
  /usr/lib/jvm/java-17-openjdk-amd64/bin/java -XX:MaxRAMPercentage=75 \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Djava.io.tmpdir=/tmp \
  -jar /deployments/quarkus-run.jar
