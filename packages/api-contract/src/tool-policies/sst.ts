// SST documentation, "IAM Credentials" → "IAM permissions" (https://docs.sst.dev/advanced/iam-credentials), copied
// unchanged: the least-privilege policy for bootstrapping and deploying with CDK and the SST CLI (account 112233445566
// and us-east-1 are the guide's placeholders).
export const POLICY = `{
    "Version": "2012-10-17",
    "Statement": [
      {
          "Sid": "AllowCDKManageToolkitStack",
          "Effect": "Allow",
          "Action": [
              "cloudformation:CreateChangeSet",
              "cloudformation:DeleteChangeSet",
              "cloudformation:DeleteStack",
              "cloudformation:DescribeChangeSet",
              "cloudformation:DescribeStacks",
              "cloudformation:DescribeStackEvents",
              "cloudformation:ExecuteChangeSet",
              "cloudformation:GetTemplate"
          ],
          "Resource": [
              "arn:aws:cloudformation:us-east-1:112233445566:stack/CDKToolkit/*"
          ]
      },
      {
          "Sid": "AllowCDKManageToolkitRoles",
          "Effect": "Allow",
          "Action": [
              "iam:AttachRolePolicy",
              "iam:CreateRole",
              "iam:DeleteRole",
              "iam:DeleteRolePolicy",
              "iam:DetachRolePolicy",
              "iam:GetRole",
              "iam:GetRolePolicy",
              "iam:PutRolePolicy",
              "iam:TagRole"
          ],
          "Resource": [
              "arn:aws:iam::112233445566:role/cdk-hnb659fds-cfn-exec-role-*",
              "arn:aws:iam::112233445566:role/cdk-hnb659fds-file-publishing-role-*",
              "arn:aws:iam::112233445566:role/cdk-hnb659fds-image-publishing-role-*",
              "arn:aws:iam::112233445566:role/cdk-hnb659fds-lookup-role-*",
              "arn:aws:iam::112233445566:role/cdk-hnb659fds-deploy-role-*"
          ]
      },
      {
          "Sid": "AllowCDKManageToolkitBucket",
          "Effect": "Allow",
          "Action": [
              "s3:CreateBucket",
              "s3:DeleteBucketPolicy",
              "s3:GetEncryptionConfiguration",
              "s3:GetBucketPolicy",
              "s3:PutBucketPolicy",
              "s3:PutBucketVersioning",
              "s3:PutEncryptionConfiguration",
              "s3:PutLifecycleConfiguration",
              "s3:PutBucketPublicAccessBlock"
          ],
          "Resource": [
              "arn:aws:s3:::cdk-hnb659fds-assets-*"
          ]
      },
      {
          "Sid": "AllowCDKManageToolkitRepository",
          "Effect": "Allow",
          "Action": [
              "ecr:CreateRepository",
              "ecr:DeleteRepository",
              "ecr:DescribeRepositories",
              "ecr:PutLifecyclePolicy",
              "ecr:SetRepositoryPolicy"
          ],
          "Resource": [
              "arn:aws:ecr:us-east-1:112233445566:repository/cdk-hnb659fds-container-assets-*"
          ]
      },
      {
          "Sid": "AllowCDKManageToolkitVersionParameter",
          "Effect": "Allow",
          "Action": [
              "ssm:DeleteParameter",
              "ssm:GetParameters",
              "ssm:PutParameter"
          ],
          "Resource": [
              "arn:aws:ssm:us-east-1:112233445566:parameter/cdk-bootstrap/hnb659fds/version"
          ]
      },
      {
          "Sid": "AllowSSTManageBootstrapStack",
          "Effect": "Allow",
          "Action": [
              "cloudformation:DescribeStacks",
              "cloudformation:DescribeStackEvents"
          ],
          "Resource": [
              "arn:aws:cloudformation:us-east-1:112233445566:stack/SSTBootstrap/*"
          ]
      },
      {
          "Sid": "AllowSSTAssumeCDKToolkitRoles",
          "Effect": "Allow",
          "Action": "sts:AssumeRole",
          "Resource": [
              "arn:aws:iam::112233445566:role/cdk-hnb659fds-cfn-exec-role-*",
              "arn:aws:iam::112233445566:role/cdk-hnb659fds-file-publishing-role-*",
              "arn:aws:iam::112233445566:role/cdk-hnb659fds-image-publishing-role-*",
              "arn:aws:iam::112233445566:role/cdk-hnb659fds-lookup-role-*",
              "arn:aws:iam::112233445566:role/cdk-hnb659fds-deploy-role-*"
          ]
      },
      {
          "Sid": "AllowSSTMonitorStackDeployment",
          "Effect": "Allow",
          "Action": [
              "cloudformation:DeleteStack",
              "cloudformation:DescribeStacks",
              "cloudformation:DescribeStackEvents",
              "cloudformation:DescribeStackResources",
              "cloudformation:GetTemplate"
          ],
          "Resource": [
              "arn:aws:cloudformation:us-east-1:112233445566:stack/*"
          ]
      },
      {
          "Sid": "AllowSSTManageBootstrapBucket",
          "Effect": "Allow",
          "Action": [
              "s3:DeleteObject",
              "s3:GetObject",
              "s3:ListBucket",
              "s3:PutObject"
          ],
          "Resource": [
              "arn:aws:s3:::sstbootstrap-*"
          ]
      },
      {
          "Sid": "AllowSSTCLIManageAppSecrets",
          "Effect": "Allow",
          "Action": [
              "ssm:DeleteParameter",
              "ssm:GetParameter",
              "ssm:GetParameters",
              "ssm:GetParametersByPath",
              "ssm:PutParameter"
          ],
          "Resource": [
              "arn:aws:ssm:us-east-1:112233445566:parameter/sst/*"
          ]
      },
      {
          "Sid": "AllowSSTCLIRestartAppFunction",
          "Effect": "Allow",
          "Action": [
              "lambda:GetFunctionConfiguration",
              "lambda:UpdateFunctionConfiguration"
          ],
          "Resource": [
              "arn:aws:lambda:us-east-1:112233445566:function:*"
          ],
          "Condition": {
              "Null": {
                  "aws:ResourceTag/sst:app": "false"
              }
          }
      },
      {
          "Sid": "AllowSSTLiveLambdaSocketConnection",
          "Effect": "Allow",
          "Action": [
              "iot:DescribeEndpoint",
              "iot:Connect",
              "iot:Subscribe",
              "iot:Publish",
              "iot:Receive"
          ],
          "Resource": [
              "*"
          ]
      },
      {
          "Sid": "AllowSSTCLIManageRDSMigrations",
          "Effect": "Allow",
          "Action": [
              "rds-data:ExecuteStatement"
          ],
          "Resource": [
              "arn:aws:rds:us-east-1:112233445566:cluster:*"
          ],
          "Condition": {
              "Null": {
                  "aws:ResourceTag/sst:app": "false"
              }
          }
      }
    ]
}
`;
