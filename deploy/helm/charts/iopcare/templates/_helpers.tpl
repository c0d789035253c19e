{{/* Labels every object carries. */}}
{{- define "iopcare.labels" -}}
app.kubernetes.io/part-of: iopcare
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end }}

{{/* Labels of one service's objects; call with (dict "root" $ "name" $name). */}}
{{- define "iopcare.serviceLabels" -}}
{{ include "iopcare.labels" .root }}
{{ include "iopcare.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Values.image.tag | quote }}
{{- end }}

{{- define "iopcare.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: service
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
SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS: {{ printf "%s-kafka-bootstrap:%d" .Values.kafka.clusterName (int .Values.kafka.port) | quote }}
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
{{ printf "%s-%s" .root.Values.postgres.clusterName (.svc.schema | replace "_" "-") }}
{{- end }}

{{/* The Secret (kubernetes.io/basic-auth) of the role a service runs as. */}}
{{- define "iopcare.dbRuntimeSecret" -}}
{{ printf "%s-%s-app" .root.Values.postgres.clusterName (.svc.schema | replace "_" "-") }}
{{- end }}
