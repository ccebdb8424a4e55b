{{/* The chart's name, shortened to fit Kubernetes names. */}}
{{- define "jx-engine.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release's full name: the base of every object name. */}}
{{- define "jx-engine.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "jx-engine.selectorLabels" -}}
app.kubernetes.io/name: {{ include "jx-engine.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "jx-engine.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "jx-engine.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "jx-engine.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "jx-engine.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Namespaces where pipelines run: buildNamespaces, or the release namespace. */}}
{{- define "jx-engine.buildNamespaces" -}}
{{- if .Values.buildNamespaces }}
{{- join "," (uniq .Values.buildNamespaces) }}
{{- else }}
{{- .Release.Namespace }}
{{- end }}
{{- end }}

{{- define "jx-engine.webhookSecretName" -}}
{{- default (printf "%s-webhook" (include "jx-engine.fullname" .)) .Values.webhook.existingSecret }}
{{- end }}

{{- define "jx-engine.leaseName" -}}
{{- default (printf "%s-leader" (include "jx-engine.fullname" .)) .Values.leaderElection.leaseName }}
{{- end }}

{{- define "jx-engine.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
