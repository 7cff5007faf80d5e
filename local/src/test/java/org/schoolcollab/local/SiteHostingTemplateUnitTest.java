package org.schoolcollab.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.schoolcollab.local.template.SamTemplate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * template.yaml hosts the web front end privately and narrowly: a bucket nobody but the distribution can read
 * (origin access control, no legacy identity), the runtime config never cached, the API's and the plans bucket's
 * CORS open to the site's origin only (plus the optional DevWebOrigin), and Cognito's client set up for the hosted
 * UI's authorization-code flow with the site as its callback.
 */
class SiteHostingTemplateUnitTest {
    private static final Path TEMPLATE = Path.of(System.getProperty("project.root", "..")).resolve("template.yaml");
    private static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    private static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    private static final Map<String, Object> SITE_ORIGIN = Map.of("Fn::Sub", "https://${SiteDistribution.DomainName}");
    /** The site's origin, then the dev origin only when it is set. */
    private static final List<Object> ALLOWED_ORIGINS = List.of(SITE_ORIGIN,
            Map.of("Fn::If", List.of("HasDevWebOrigin", Map.of("Ref", "DevWebOrigin"), Map.of("Ref", "AWS::NoValue"))));

    private static Map<String, Object> root;
    private static Map<String, Object> resources;

    @BeforeAll
    static void load() throws IOException {
        root = map(new Yaml(new Intrinsics()).load(Files.readString(TEMPLATE, StandardCharsets.UTF_8)));
        resources = map(root.get("Resources"));
    }

    @Test
    void theSiteBucketIsPrivateEncryptedAndOwnedByTheAccount() {
        Map<String, Object> bucket = properties("SiteBucket", "AWS::S3::Bucket");
        assertThat(map(bucket.get("PublicAccessBlockConfiguration"))).isEqualTo(Map.of(
                "BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true));
        assertThat(bucket.get("OwnershipControls")).isEqualTo(Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced"))));
        assertThat(bucket).containsKey("BucketEncryption").doesNotContainKeys("WebsiteConfiguration", "CorsConfiguration");
    }

    @Test
    void onlyTheDistributionMayReadTheSiteBucketAndOnlyOverTls() {
        Map<String, Object> policy = properties("SiteBucketPolicy", "AWS::S3::BucketPolicy");
        assertThat(policy.get("Bucket")).isEqualTo(Map.of("Ref", "SiteBucket"));
        List<Map<String, Object>> statements = list(map(policy.get("PolicyDocument")).get("Statement")).stream()
                .map(SiteHostingTemplateUnitTest::map).toList();

        List<Map<String, Object>> allows = statements.stream().filter(s -> "Allow".equals(s.get("Effect"))).toList();
        assertThat(allows).as("one Allow: the distribution's reads").hasSize(1);
        Map<String, Object> allow = allows.getFirst();
        assertThat(allow.get("Principal")).isEqualTo(Map.of("Service", "cloudfront.amazonaws.com"));
        assertThat(allow.get("Action")).isIn("s3:GetObject", List.of("s3:GetObject"));
        assertThat(allow.get("Resource")).isEqualTo(Map.of("Fn::Sub", "${SiteBucket.Arn}/*"));
        Map<String, Object> sourceArn = map(map(allow.get("Condition")).get("StringEquals"));
        assertThat(sourceArn).containsOnlyKeys("AWS:SourceArn");
        assertThat(String.valueOf(map(sourceArn.get("AWS:SourceArn")).get("Fn::Sub")))
                .isEqualTo("arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${SiteDistribution}");

        assertThat(statements).anySatisfy(s -> {
            assertThat(s.get("Effect")).isEqualTo("Deny");
            assertThat(s.get("Condition")).isEqualTo(Map.of("Bool", Map.of("aws:SecureTransport", "false")));
        });
    }

    @Test
    void theDistributionReadsThroughOriginAccessControlAndNoLegacyIdentity() {
        assertThat(resources.values()).noneSatisfy(r ->
                assertThat(map(r).get("Type")).isEqualTo("AWS::CloudFront::CloudFrontOriginAccessIdentity"));
        Map<String, Object> oac = map(properties("SiteOriginAccessControl", "AWS::CloudFront::OriginAccessControl")
                .get("OriginAccessControlConfig"));
        assertThat(oac).containsEntry("OriginAccessControlOriginType", "s3")
                .containsEntry("SigningBehavior", "always").containsEntry("SigningProtocol", "sigv4");

        Map<String, Object> config = distributionConfig();
        List<Object> origins = list(config.get("Origins"));
        assertThat(origins).hasSize(1);
        Map<String, Object> origin = map(origins.getFirst());
        assertThat(origin.get("DomainName")).isEqualTo(Map.of("Fn::GetAtt", List.of("SiteBucket", "RegionalDomainName")));
        assertThat(origin.get("OriginAccessControlId")).isEqualTo(Map.of("Fn::GetAtt", List.of("SiteOriginAccessControl", "Id")));
        assertThat(origin.get("S3OriginConfig")).isEqualTo(Map.of("OriginAccessIdentity", ""));
        assertThat(config).containsEntry("DefaultRootObject", "index.html").containsEntry("HttpVersion", "http2and3");
    }

    @Test
    void hashedAssetsAreCachedButTheEntryPageAndTheRuntimeConfigNever() {
        Map<String, Object> config = distributionConfig();
        Map<String, Object> byDefault = map(config.get("DefaultCacheBehavior"));
        assertThat(byDefault).containsEntry("CachePolicyId", CACHING_OPTIMIZED)
                .containsEntry("ViewerProtocolPolicy", "redirect-to-https")
                .containsEntry("ResponseHeadersPolicyId", Map.of("Ref", "SiteResponseHeadersPolicy"));
        Map<String, Map<String, Object>> byPath = new LinkedHashMap<>();
        list(config.get("CacheBehaviors")).forEach(b -> byPath.put(String.valueOf(map(b).get("PathPattern")), map(b)));
        assertThat(byPath).containsKeys("/config.json", "/index.html");
        for (String path : List.of("/config.json", "/index.html")) {
            assertThat(byPath.get(path)).as(path).containsEntry("CachePolicyId", CACHING_DISABLED)
                    .containsEntry("ViewerProtocolPolicy", "redirect-to-https")
                    .containsEntry("ResponseHeadersPolicyId", Map.of("Ref", "SiteResponseHeadersPolicy"));
        }
        // Hash routing: no error page rewritten to index.html.
        assertThat(config).doesNotContainKey("CustomErrorResponses");
    }

    @Test
    void theSecurityHeadersAllowNothingInlineAndConnectOnlyToTheApplicationsHosts() {
        Map<String, Object> headers = map(map(properties("SiteResponseHeadersPolicy", "AWS::CloudFront::ResponseHeadersPolicy")
                .get("ResponseHeadersPolicyConfig")).get("SecurityHeadersConfig"));
        assertThat(map(headers.get("FrameOptions"))).containsEntry("FrameOption", "DENY");
        assertThat(headers).containsKeys("StrictTransportSecurity", "ContentTypeOptions", "ReferrerPolicy");
        String csp = String.valueOf(map(map(headers.get("ContentSecurityPolicy")).get("ContentSecurityPolicy")).get("Fn::Sub"));
        assertThat(csp).contains("script-src 'self';", "style-src 'self';", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");

        String connect = csp.substring(csp.indexOf("connect-src"), csp.indexOf(';', csp.indexOf("connect-src")));
        // The CSP spells hosts from names (a reference would be circular): they must be the names the template gives.
        String plansBucket = String.valueOf(map(properties("PlansBucket", "AWS::S3::Bucket").get("BucketName")).get("Fn::Sub"));
        String cognitoPrefix = String.valueOf(map(properties("UserPoolDomain", "AWS::Cognito::UserPoolDomain").get("Domain")).get("Fn::Sub"));
        assertThat(connect.split(" ")).containsExactlyInAnyOrder("connect-src", "'self'",
                "https://*.execute-api.${AWS::Region}.${AWS::URLSuffix}",
                "https://" + plansBucket + ".s3.${AWS::Region}.${AWS::URLSuffix}",
                "https://" + plansBucket + ".s3.${AWS::URLSuffix}",
                "https://cognito-idp.${AWS::Region}.${AWS::URLSuffix}",
                "https://" + cognitoPrefix + ".auth.${AWS::Region}.amazoncognito.com");
        assertThat(String.valueOf(map(map(root.get("Outputs")).get("CognitoDomain")).get("Value")))
                .contains("${UserPoolDomain}.auth.${AWS::Region}.amazoncognito.com");
    }

    @Test
    void theApiAndThePlansBucketAllowTheSiteOriginOnlyPlusTheOptionalDevOrigin() {
        Map<String, Object> cors = map(properties("HttpApi", "AWS::Serverless::HttpApi").get("CorsConfiguration"));
        assertThat(cors.get("AllowOrigins")).isEqualTo(ALLOWED_ORIGINS);
        assertThat(cors.get("AllowMethods")).isEqualTo(List.of("GET", "POST", "OPTIONS"));
        assertThat(cors.get("AllowHeaders")).isEqualTo(List.of("authorization", "content-type", "idempotency-key"));
        assertThat(cors.get("ExposeHeaders")).isEqualTo(List.of("location", "idempotent-replayed", "content-disposition"));
        assertThat(cors).containsKey("MaxAge").doesNotContainEntry("AllowCredentials", true);

        List<Object> rules = list(map(properties("PlansBucket", "AWS::S3::Bucket").get("CorsConfiguration")).get("CorsRules"));
        assertThat(rules).isNotEmpty().allSatisfy(r -> assertThat(map(r).get("AllowedOrigins")).isEqualTo(ALLOWED_ORIGINS));

        Map<String, Object> parameters = map(root.get("Parameters"));
        assertThat(parameters).doesNotContainKey("WebOrigin");
        assertThat(map(parameters.get("DevWebOrigin"))).containsEntry("Default", "");
        assertThat(map(root.get("Conditions")).get("HasDevWebOrigin"))
                .isEqualTo(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "DevWebOrigin"), "")))));
    }

    @Test
    void theUserPoolClientSignsInThroughTheHostedUiWithTheCodeFlowAndNoSecret() {
        Map<String, Object> client = properties("UserPoolClient", "AWS::Cognito::UserPoolClient");
        assertThat(client).containsEntry("GenerateSecret", false)
                .containsEntry("AllowedOAuthFlowsUserPoolClient", true)
                .containsEntry("AllowedOAuthFlows", List.of("code"))
                .containsEntry("SupportedIdentityProviders", List.of("COGNITO"));
        assertThat(list(client.get("AllowedOAuthScopes"))).containsExactlyInAnyOrder("openid", "email", "profile");
        // The site's origin, and the dev origin only when it is set.
        List<Object> callbacks = List.of(Map.of("Fn::Sub", "https://${SiteDistribution.DomainName}/"),
                Map.of("Fn::If", List.of("HasDevWebOrigin", Map.of("Fn::Sub", "${DevWebOrigin}/"), Map.of("Ref", "AWS::NoValue"))));
        assertThat(client.get("CallbackURLs")).isEqualTo(callbacks);
        assertThat(client.get("LogoutURLs")).isEqualTo(callbacks);
        assertThat(list(client.get("ReadAttributes"))).contains("email", "custom:schoolNumber");

        // The API accepts the client's ID tokens: their aud is the client id.
        Map<String, Object> jwt = map(map(map(map(properties("HttpApi", "AWS::Serverless::HttpApi").get("Auth"))
                .get("Authorizers")).get("CognitoAuthorizer")).get("JwtConfiguration"));
        assertThat(jwt.get("audience")).isEqualTo(List.of(Map.of("Ref", "UserPoolClient")));
        assertThat(properties("UserPoolDomain", "AWS::Cognito::UserPoolDomain").get("UserPoolId"))
                .isEqualTo(Map.of("Ref", "UserPool"));
    }

    @Test
    void theStackOutputsWhatTheDeployScriptAndTheRuntimeConfigRead() {
        // web/deploy/runtime-config.mjs and scripts/deploy read these by name.
        assertThat(map(root.get("Outputs"))).containsKeys("ApiUrl", "UserPoolId", "UserPoolClientId", "CognitoDomain",
                "SiteUrl", "SiteBucketName", "SiteDistributionId");
    }

    @Test
    void theLocalRunnerStillReadsTheTemplate() throws IOException {
        SamTemplate template = SamTemplate.load(TEMPLATE);
        assertThat(template.functions()).isNotEmpty();
        assertThat(template.bucketIds()).contains("PlansBucket");
        assertThat(template.parameter("DevWebOrigin")).isEmpty();
    }

    private static Map<String, Object> distributionConfig() {
        return map(properties("SiteDistribution", "AWS::CloudFront::Distribution").get("DistributionConfig"));
    }

    private static Map<String, Object> properties(String id, String type) {
        assertThat(resources).as("resource " + id).containsKey(id);
        Map<String, Object> resource = map(resources.get(id));
        assertThat(resource.get("Type")).as(id + " Type").isEqualTo(type);
        return map(resource.get("Properties"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        assertThat(o).isInstanceOf(List.class);
        return (List<Object>) o;
    }

    /** CloudFormation's short-form tags (!Ref, !Sub, !If, ...) read as their long form, !GetAtt a.b as [a, b]. */
    private static final class Intrinsics extends SafeConstructor {
        Intrinsics() {
            super(new LoaderOptions());
            this.yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String tag = node.getTag().getValue().substring(1);
                    String name = tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
                    Object value = switch (node) {
                        case ScalarNode s -> tag.equals("GetAtt") ? List.of(constructScalar(s).split("\\.", 2)) : constructScalar(s);
                        case SequenceNode s -> constructSequence(s);
                        case MappingNode m -> constructMapping(m);
                        default -> throw new IllegalArgumentException("unexpected YAML node " + node);
                    };
                    return Map.of(name, value);
                }
            });
        }
    }
}
