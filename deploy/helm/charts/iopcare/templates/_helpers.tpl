{{/* Labels every object carries. */}}
{{- define "iopcare.labels" -}}
app.kubernetes.io/part-of: iopcare
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end }}

{{/* Labels of one deployable's objects; call with (dict "root" $ "name" $name), adding
"component" "console" for the staff console (the services' component is "service"). */}}
{{- define "iopcare.serviceLabels" -}}
{{ include "iopcare.labels" .root }}
{{ include "iopcare.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Values.image.tag | quote }}
{{- end }}

{{- define "iopcare.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component | default "service" }}
{{- end }}

{{/* The release-scoped name of one of the release's objects: `<release>-<name>`, so that two
releases live side by side in one namespace; call with (dict "root" $ "name" $name). Names that
become DNS labels (Services) allow 63 characters: a longer one fails rather than being cut, as two
cut names could meet. */}}
{{- define "iopcare.name" -}}
{{- $full := printf "%s-%s" .root.Release.Name .name -}}
{{- if gt (len $full) 63 -}}
{{- fail (printf "%s is longer than 63 characters: choose a shorter release name" $full) -}}
{{- end -}}
{{ $full }}
{{- end }}

{{/* The Strimzi Kafka cluster's name: kafka.clusterName, or `<release>-kafka`. */}}
{{- define "iopcare.kafkaCluster" -}}
{{ .Values.kafka.clusterName | default (printf "%s-kafka" .Release.Name) }}
{{- end }}

{{/* The CloudNativePG cluster's name: postgres.clusterName, or `<release>-db`. */}}
{{- define "iopcare.postgresCluster" -}}
{{ .Values.postgres.clusterName | default (printf "%s-db" .Release.Name) }}
{{- end }}

{{/* A deployable's image, `registry/name@digest` when image.digests names one, else
`registry/name:tag`; call with (dict "root" $ "name" $name). */}}
{{- define "iopcare.image" -}}
{{- $i := .root.Values.image -}}
{{- with (get ($i.digests | default dict) .name) -}}
{{ printf "%s/%s@%s" $i.registry $.name . }}
{{- else -}}
{{ printf "%s/%s:%s" $i.registry .name $i.tag }}
{{- end -}}
{{- end }}

{{/* The staff console's selector labels; the services' network policies admit its pods by them. */}}
{{- define "iopcare.consoleSelectorLabels" -}}
{{ include "iopcare.selectorLabels" (dict "root" . "name" "staff-console" "component" "console") }}
{{- end }}

{{/* The `helm test` pod's selector labels; the services' network policies admit it to the management port. */}}
{{- define "iopcare.testSelectorLabels" -}}
{{ include "iopcare.selectorLabels" (dict "root" . "name" "test-readiness" "component" "test") }}
{{- end }}

{{/* The port of every service's API Service (Service `<service>`, target port `http`). */}}
{{- define "iopcare.apiServicePort" -}}
80
{{- end }}

{{/* The in-cluster base URL of a service's API, through its Service; call with (dict "root" $ "name" $name). */}}
{{- define "iopcare.apiUrl" -}}
{{- if not (hasKey .root.Values.services .name) -}}
{{- fail (printf "the staff console calls %s, which services does not list" .name) -}}
{{- end -}}
{{ printf "http://%s:%s" (include "iopcare.name" .) (include "iopcare.apiServicePort" .root) }}
{{- end }}

{{/* The pod securityContext of every IOP Care pod: the images' non-root uid. */}}
{{- define "iopcare.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.defaults.runAsUser }}
runAsGroup: {{ .Values.defaults.runAsUser }}
fsGroup: {{ .Values.defaults.runAsUser }}
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* The container securityContext of every IOP Care container: nothing writable but mounted volumes. */}}
{{- define "iopcare.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.defaults.runAsUser }}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop: [ALL]
{{- end }}

{{/* Actuator's probes on the management port and the preStop pause, shared by every Spring Boot container. */}}
{{- define "iopcare.probesAndStop" -}}
startupProbe:
  httpGet:
    path: /actuator/health/liveness
    port: management
  periodSeconds: 5
  failureThreshold: 36
livenessProbe:
  httpGet:
    path: /actuator/health/liveness
    port: management
  periodSeconds: 10
  timeoutSeconds: 3
  failureThreshold: 3
readinessProbe:
  httpGet:
    path: /actuator/health/readiness
    port: management
  periodSeconds: 5
  timeoutSeconds: 3
  failureThreshold: 3
lifecycle:
  preStop:
    sleep:
      seconds: {{ .Values.defaults.preStopSeconds }}
{{- end }}

{{/* Every topic any service produces or consumes, sorted, one per line. */}}
{{- define "iopcare.topics" -}}
{{- $topics := list -}}
{{- range $name, $svc := .Values.services -}}
{{- $topics = concat $topics ($svc.produces | default list) ($svc.consumes | default list) -}}
{{- end -}}
{{- range ($topics | uniq | sortAlpha) }}
{{ . }}
{{- end -}}
{{- end }}

{{/* The Kafka client settings every service shares (TLS listener, SCRAM user). */}}
{{- define "iopcare.kafkaEnv" -}}
SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS: {{ printf "%s-kafka-bootstrap:%d" (include "iopcare.kafkaCluster" .) (int .Values.kafka.port) | quote }}
SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_SECURITY_PROTOCOL: SASL_SSL
SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_SASL_MECHANISM: SCRAM-SHA-512
SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_SSL_TRUSTSTORE_TYPE: PEM
SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_SSL_TRUSTSTORE_LOCATION: /etc/iopcare/kafka-ca/ca.crt
# topics belong to the KafkaTopic resources, not to the services
SPRING_CLOUD_STREAM_KAFKA_BINDER_AUTO_CREATE_TOPICS: "false"
SPRING_CLOUD_STREAM_KAFKA_BINDER_AUTO_ADD_PARTITIONS: "false"
IOPCARE_KAFKA_PARTITIONS: {{ .Values.kafka.partitions | quote }}
IOPCARE_KAFKA_REPLICATION_FACTOR: {{ .Values.kafka.replicationFactor | quote }}
{{- end }}

{{/* The Secret (kubernetes.io/basic-auth) of a service's schema owner; call with (dict "root" $ "svc" $svc). */}}
{{- define "iopcare.dbOwnerSecret" -}}
{{ printf "%s-%s" (include "iopcare.postgresCluster" .root) (.svc.schema | replace "_" "-") }}
{{- end }}

{{/* The Secret (kubernetes.io/basic-auth) of the role a service runs as. */}}
{{- define "iopcare.dbRuntimeSecret" -}}
{{ printf "%s-%s-app" (include "iopcare.postgresCluster" .root) (.svc.schema | replace "_" "-") }}
{{- end }}

{{/* The staff console's environment (its ConfigMap; the pods roll when it changes). */}}
{{- define "iopcare.consoleConfig" -}}
SPRING_PROFILES_ACTIVE: prod
SERVER_PORT: {{ .Values.ports.api | quote }}
MANAGEMENT_SERVER_PORT: {{ .Values.ports.management | quote }}
# the console does not use the services' shared defaults: the kubelet's probe groups are named here
MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED: "true"
# the sign-in redirect URI and the Secure session cookie follow the scheme and host the browser used
SERVER_FORWARD_HEADERS_STRATEGY: native
SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES: {{ .Values.forwardedHeaders.trustedProxies | quote }}
JAVA_TOOL_OPTIONS: {{ .Values.defaults.javaToolOptions | quote }}
LOGGING_STRUCTURED_FORMAT_CONSOLE: ecs
LOGGING_STRUCTURED_ECS_SERVICE_ENVIRONMENT: {{ .Release.Namespace | quote }}
# the services' API Services, in the cluster
IOPCARE_CONSOLE_INTAKE: {{ include "iopcare.apiUrl" (dict "root" . "name" "intake-service") | quote }}
IOPCARE_CONSOLE_SCHEDULING: {{ include "iopcare.apiUrl" (dict "root" . "name" "scheduling-service") | quote }}
IOPCARE_CONSOLE_TREATMENT_PLAN: {{ include "iopcare.apiUrl" (dict "root" . "name" "treatment-plan-service") | quote }}
IOPCARE_CONSOLE_NOTIFICATION: {{ include "iopcare.apiUrl" (dict "root" . "name" "notification-service") | quote }}
IOPCARE_CONSOLE_CLINIC_ZONE: {{ .Values.console.clinicZone | quote }}
IOPCARE_CONSOLE_SESSION_TIMEOUT: {{ .Values.console.sessionTimeout | quote }}
# sign-in at the provider that signs the tokens the services accept
SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_STAFF_ISSUER_URI: {{ required "auth.issuerUri is required" .Values.auth.issuerUri | quote }}
SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_STAFF_CLIENT_ID: {{ required "console.oidc.clientId is required" .Values.console.oidc.clientId | quote }}
SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_STAFF_SCOPE: {{ join "," .Values.console.oidc.scopes | quote }}
{{- range $key, $value := .Values.console.env }}
{{ $key }}: {{ $value | quote }}
{{- end }}
{{- end }}
