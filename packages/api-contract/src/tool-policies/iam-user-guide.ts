// Examples from the AWS IAM User Guide that make good starting points for an identity-based policy, copied
// unchanged (placeholders such as ACCOUNT-B-ID and documentation account ids included); each names the guide's
// section it comes from. Zod-free: the SPA imports it at run time.

export interface GuideExample {
  id: string;
  name: string;
  /** The IAM User Guide section the policy is printed in. */
  section: string;
  document: string;
}

export const IAM_USER_GUIDE_EXAMPLES: readonly GuideExample[] = [
  {
    id: "guide-change-own-password",
    name: "Change own console password",
    section: "\"AWS: Allows IAM users to change their own console password on the My security credentials page\"",
    document: `{ 
    "Version": "2012-10-17", 
    "Statement": [ 
        { 
            "Sid": "ViewAccountPasswordRequirements", 
            "Effect": "Allow", 
            "Action": "iam:GetAccountPasswordPolicy", 
            "Resource": "*" 
        }, 
        { 
            "Sid": "ChangeOwnPassword", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:GetUser", 
                "iam:ChangePassword" 
            ], 
            "Resource": "arn:aws:iam::*:user/\${aws:username}" 
        } 
    ]
}
`,
  },
  {
    id: "guide-create-own-access-keys",
    name: "Create own access keys",
    section: "\"Managing access keys for IAM users\" → \"Permissions required\" (create access keys for your own user)",
    document: `{ 
    "Version": "2012-10-17", 
    "Statement": [ 
        { 
            "Sid": "CreateOwnAccessKeys", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:CreateAccessKey", 
                "iam:GetUser", 
                "iam:ListAccessKeys", 
                "iam:TagUser" 
            ], 
            "Resource": "arn:aws:iam::*:user/\${aws:username}" 
        } 
    ]
}
`,
  },
  {
    id: "guide-rotate-own-access-keys",
    name: "Rotate own access keys",
    section: "\"Managing access keys for IAM users\" → \"Permissions required\" (rotate access keys for your own user)",
    document: `{ 
    "Version": "2012-10-17", 
    "Statement": [ 
        { 
            "Sid": "ManageOwnAccessKeys", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:CreateAccessKey", 
                "iam:DeleteAccessKey", 
                "iam:GetAccessKeyLastUsed", 
                "iam:GetUser", 
                "iam:ListAccessKeys", 
                "iam:UpdateAccessKey", 
                "iam:TagUser" 
            ], 
            "Resource": "arn:aws:iam::*:user/\${aws:username}" 
        } 
    ]
}
`,
  },
  {
    id: "guide-rotate-own-credentials",
    name: "Rotate own credentials",
    section: "\"IAM: Allows IAM users to rotate their own credentials programmatically and in the console\"",
    document: ` { 
    "Version": "2012-10-17", 
    "Statement": [ 
        { 
            "Effect": "Allow", 
            "Action": [ 
                "iam:ListUsers", 
                "iam:GetAccountPasswordPolicy" 
            ], 
            "Resource": "*" 
        }, 
        { 
            "Effect": "Allow", 
            "Action": [ 
                "iam:*AccessKey*", 
                "iam:ChangePassword", 
                "iam:GetUser", 
                "iam:*ServiceSpecificCredential*", 
                "iam:*SigningCertificate*" 
            ], 
            "Resource": ["arn:aws:iam::*:user/\${aws:username}"] 
        } 
    ]
}
`,
  },
  {
    id: "guide-own-password-keys-ssh",
    name: "Manage own password, access keys and SSH keys",
    section: "\"AWS: Allows IAM users to manage their own password, access keys, and SSH public keys on the My security credentials page\"",
    document: `{ 
    "Version": "2012-10-17", 
    "Statement": [ 
        { 
            "Sid": "AllowViewAccountInfo", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:GetAccountPasswordPolicy", 
                "iam:GetAccountSummary" 
            ], 
            "Resource": "*" 
        }, 
        { 
            "Sid": "AllowManageOwnPasswords", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:ChangePassword", 
                "iam:GetUser" 
            ], 
            "Resource": "arn:aws:iam::*:user/\${aws:username}" 
        }, 
        { 
            "Sid": "AllowManageOwnAccessKeys", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:CreateAccessKey", 
                "iam:DeleteAccessKey", 
                "iam:ListAccessKeys", 
                "iam:UpdateAccessKey" 
            ], 
            "Resource": "arn:aws:iam::*:user/\${aws:username}" 
        }, 
        { 
            "Sid": "AllowManageOwnSSHPublicKeys", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:DeleteSSHPublicKey", 
                "iam:GetSSHPublicKey", 
                "iam:ListSSHPublicKeys", 
                "iam:UpdateSSHPublicKey", 
                "iam:UploadSSHPublicKey" 
            ], 
            "Resource": "arn:aws:iam::*:user/\${aws:username}" 
        } 
    ]
}
`,
  },
  {
    id: "guide-manage-own-credentials-no-mfa",
    name: "Manage own credentials",
    section: "\"AWS: Allows IAM users to manage their own credentials on the My security credentials page\"",
    document: `{ 
    "Version": "2012-10-17", 
    "Statement": [ 
        { 
            "Sid": "AllowViewAccountInfo", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:GetAccountPasswordPolicy", 
                "iam:GetAccountSummary"        
            ], 
            "Resource": "*" 
        },        
        { 
            "Sid": "AllowManageOwnPasswords", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:ChangePassword", 
                "iam:GetUser" 
            ], 
            "Resource": "arn:aws:iam::*:user/\${aws:username}" 
        }, 





        { 
            "Sid": "AllowManageOwnAccessKeys", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:CreateAccessKey", 
                "iam:DeleteAccessKey", 
                "iam:ListAccessKeys", 
                "iam:UpdateAccessKey" 
            ], 
            "Resource": "arn:aws:iam::*:user/\${aws:username}" 
        }, 
        { 
            "Sid": "AllowManageOwnSigningCertificates", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:DeleteSigningCertificate", 
                "iam:ListSigningCertificates", 
                "iam:UpdateSigningCertificate", 
                "iam:UploadSigningCertificate" 
            ], 
            "Resource": "arn:aws:iam::*:user/\${aws:username}" 
        }, 
        { 
            "Sid": "AllowManageOwnSSHPublicKeys", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:DeleteSSHPublicKey", 
                "iam:GetSSHPublicKey", 
                "iam:ListSSHPublicKeys", 
                "iam:UpdateSSHPublicKey", 
                "iam:UploadSSHPublicKey" 
            ], 
            "Resource": "arn:aws:iam::*:user/\${aws:username}" 
        }, 
        { 
            "Sid": "AllowManageOwnGitCredentials", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:CreateServiceSpecificCredential", 
                "iam:DeleteServiceSpecificCredential", 
                "iam:ListServiceSpecificCredentials", 
                "iam:ResetServiceSpecificCredential", 
                "iam:UpdateServiceSpecificCredential" 
            ], 
            "Resource": "arn:aws:iam::*:user/\${aws:username}" 
        } 
    ]
}
`,
  },
  {
    id: "guide-force-mfa-manage-own-credentials",
    name: "Manage own credentials, MFA required",
    section: "\"AWS: Allows MFA-authenticated IAM users to manage their own credentials on the My security credentials page\"",
    document: `{ 
    "Version": "2012-10-17", 
    "Statement": [ 
        { 
            "Sid": "AllowViewAccountInfo", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:GetAccountPasswordPolicy", 
                "iam:ListVirtualMFADevices" 
            ], 
            "Resource": "*" 
        }, 
        { 
            "Sid": "AllowManageOwnPasswords", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:ChangePassword", 
                "iam:GetUser" 
            ], 
            "Resource": "arn:aws:iam::*:user/\${aws:username}" 
        }, 
         { 
            "Sid": "AllowManageOwnAccessKeys", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:CreateAccessKey", 
                "iam:DeleteAccessKey", 
                "iam:ListAccessKeys", 
                "iam:UpdateAccessKey" 
            ], 
            "Resource": "arn:aws:iam::*:user/\${aws:username}" 
        }, 
        { 
            "Sid": "AllowManageOwnSigningCertificates", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:DeleteSigningCertificate", 
                "iam:ListSigningCertificates", 
                "iam:UpdateSigningCertificate", 
                "iam:UploadSigningCertificate" 
            ], 
            "Resource": "arn:aws:iam::*:user/\${aws:username}" 
        }, 
        { 
            "Sid": "AllowManageOwnSSHPublicKeys", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:DeleteSSHPublicKey", 
                "iam:GetSSHPublicKey", 
                "iam:ListSSHPublicKeys", 
                "iam:UpdateSSHPublicKey", 
                "iam:UploadSSHPublicKey" 
            ], 
            "Resource": "arn:aws:iam::*:user/\${aws:username}" 
        }, 
        { 
            "Sid": "AllowManageOwnGitCredentials", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:CreateServiceSpecificCredential", 
                "iam:DeleteServiceSpecificCredential", 
                "iam:ListServiceSpecificCredentials", 
                "iam:ResetServiceSpecificCredential", 
                "iam:UpdateServiceSpecificCredential" 
            ], 
            "Resource": "arn:aws:iam::*:user/\${aws:username}" 
        }, 
        { 
            "Sid": "AllowManageOwnVirtualMFADevice", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:CreateVirtualMFADevice" 
            ], 
            "Resource": "arn:aws:iam::*:mfa/*" 
        }, 
        { 
            "Sid": "AllowManageOwnUserMFA", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:DeactivateMFADevice", 
                "iam:EnableMFADevice", 
                "iam:ListMFADevices", 
                "iam:ResyncMFADevice" 
            ], 
            "Resource": "arn:aws:iam::*:user/\${aws:username}" 
        }, 
        { 
             "Sid": "DenyAllExceptListedIfNoMFA", 
            "Effect": "Deny", 
            "NotAction": [ 
                "iam:CreateVirtualMFADevice", 
                "iam:EnableMFADevice", 
                "iam:GetUser", 
                "iam:ListMFADevices", 
                "iam:ListVirtualMFADevices", 
                "iam:ResyncMFADevice", 
                "sts:GetSessionToken" 
            ], 
            "Resource": "*", 
            "Condition": { 
                "BoolIfExists": { 
                    "aws:MultiFactorAuthPresent": "false" 
                } 
            } 
        } 
    ]
}
`,
  },
  {
    id: "guide-mfa-own-device",
    name: "Manage own MFA device",
    section: "\"AWS: Allows MFA-authenticated IAM users to manage their own MFA device on the My security credentials page\"",
    document: `{ 
    "Version": "2012-10-17", 
    "Statement": [ 
        { 
            "Sid": "AllowViewAccountInfo", 
            "Effect": "Allow", 
             "Action": "iam:ListVirtualMFADevices", 
            "Resource": "*" 
        }, 
        { 
            "Sid": "AllowManageOwnVirtualMFADevice", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:CreateVirtualMFADevice" 
            ], 
            "Resource": "arn:aws:iam::*:mfa/*" 
        }, 
        { 
            "Sid": "AllowManageOwnUserMFA", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:DeactivateMFADevice", 
                "iam:EnableMFADevice", 
                "iam:GetUser", 
                "iam:ListMFADevices", 
                "iam:ResyncMFADevice" 
            ], 
            "Resource": "arn:aws:iam::*:user/\${aws:username}" 
        }, 
        { 
            "Sid": "DenyAllExceptListedIfNoMFA", 
            "Effect": "Deny", 
            "NotAction": [ 
                "iam:CreateVirtualMFADevice", 
                "iam:EnableMFADevice", 
                "iam:GetUser", 
                "iam:ListMFADevices", 
                "iam:ListVirtualMFADevices", 
                "iam:ResyncMFADevice", 
                "sts:GetSessionToken" 
            ], 
            "Resource": "*", 
            "Condition": { 
                "BoolIfExists": {"aws:MultiFactorAuthPresent": "false"} 
            } 
        } 
    ]
}
`,
  },
  {
    id: "guide-self-manage-mfa-BlockMostAccess",
    name: "Self-manage an MFA device (blocks most access without MFA)",
    section: "\"IAM: Allows IAM users to self-manage an MFA device\"",
    document: `{ 
    "Version": "2012-10-17", 
    "Statement": [ 
        { 
            "Sid": "AllowListActions", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:ListUsers", 
                "iam:ListVirtualMFADevices" 





            ], 
            "Resource": "*" 
        }, 
        { 
            "Sid": "AllowUserToCreateVirtualMFADevice", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:CreateVirtualMFADevice" 
            ], 
            "Resource": "arn:aws:iam::*:mfa/*" 
        }, 
        { 
            "Sid": "AllowUserToManageTheirOwnMFA", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:EnableMFADevice", 
                "iam:ListMFADevices", 
                "iam:ResyncMFADevice" 
            ], 
            "Resource": "arn:aws:iam::*:user/\${aws:username}" 
        }, 
        { 
            "Sid": "AllowUserToDeactivateTheirOwnMFAOnlyWhenUsingMFA", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:DeactivateMFADevice" 
            ], 
            "Resource": [ 
                "arn:aws:iam::*:user/\${aws:username}" 
            ], 
            "Condition": { 
                "Bool": { 
                    "aws:MultiFactorAuthPresent": "true" 
                } 
            } 
        }, 
        { 
            "Sid": "BlockMostAccessUnlessSignedInWithMFA", 
            "Effect": "Deny", 
            "NotAction": [ 
                "iam:CreateVirtualMFADevice", 
                "iam:EnableMFADevice", 
                "iam:ListMFADevices", 
                "iam:ListUsers", 
                "iam:ListVirtualMFADevices", 
                "iam:ResyncMFADevice" 
            ], 
            "Resource": "*", 
            "Condition": { 
                "BoolIfExists": { 
                    "aws:MultiFactorAuthPresent": "false" 
                } 
            } 
        } 
    ]
}
`,
  },
  {
    id: "guide-resync-own-mfa",
    name: "Resynchronize own MFA device",
    section: "\"Resynchronizing virtual and hardware MFA devices\" → \"Permissions required\"",
    document: ` { 
    "Version": "2012-10-17", 
    "Statement": [ 
        { 
            "Sid": "AllowListActions", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:ListVirtualMFADevices" 
            ], 
            "Resource": "*" 
        }, 
        { 
            "Sid": "AllowUserToViewAndManageTheirOwnUserMFA", 
            "Effect": "Allow", 
            "Action": [ 
                "iam:ListMFADevices", 
                "iam:ResyncMFADevice" 
            ], 
            "Resource": "arn:aws:iam::*:user/\${aws:username}" 
        }, 
        { 
            "Sid": "BlockAllExceptListedIfNoMFA", 
            "Effect": "Deny", 
            "NotAction": [ 
                "iam:ListMFADevices", 
                "iam:ListVirtualMFADevices", 
                "iam:ResyncMFADevice" 
            ], 
            "Resource": "*", 
            "Condition": { 
                "BoolIfExists": { 
                    "aws:MultiFactorAuthPresent": "false" 
                } 
            } 
        } 
    ]
}
`,
  },
  {
    id: "guide-mfa-within-dates",
    name: "Specific access with MFA within dates",
    section: "\"AWS: Allows specific access using MFA within specific dates\"",
    document: `{ 
    "Version": "2012-10-17", 
    "Statement": { 
        "Effect": "Allow", 
        "Action": [ 
            "service-prefix-1:*", 
            "service-prefix-2:action-name-a", 
            "service-prefix-2:action-name-b" 
        ], 
        "Resource": "*", 
        "Condition": { 
            "Bool": {"aws:MultiFactorAuthPresent": true}, 
            "DateGreaterThan": {"aws:CurrentTime": "2017-07-01T00:00:00Z"}, 
            "DateLessThan": {"aws:CurrentTime": "2017-12-31T23:59:59Z"} 
        } 
    }
}

`,
  },
  {
    id: "guide-credential-report",
    name: "Generate and retrieve credential reports",
    section: "\"IAM: Generate and retrieve IAM credential reports\"",
    document: `{ 
    "Version": "2012-10-17", 
    "Statement": { 
        "Effect": "Allow", 
        "Action": [ 
            "iam:GenerateCredentialReport", 
            "iam:GetCredentialReport" 
        ], 
        "Resource": "*" 
    }
}
`,
  },
  {
    id: "guide-switchrole-Test-prefix",
    name: "Switch to roles whose name begins with Test",
    section: "\"Granting a user permissions to switch roles\" (roles whose name begins with Test)",
    document: `{ 
  "Version": "2012-10-17", 
  "Statement": { 
    "Effect": "Allow", 
    "Action": "sts:AssumeRole", 
    "Resource": "arn:aws:iam::account-id:role/Test*" 
  }
}
`,
  },
  {
    id: "guide-tutorial-allow-assume-UpdateApp",
    name: "Allow assuming the UpdateApp role",
    section: "\"IAM tutorial: Delegate access across AWS accounts using IAM roles\", \"Step 2: Grant access to the role\" (Developers may assume UpdateApp)",
    document: `
{ 
  "Version": "2012-10-17", 
  "Statement": { 
    "Effect": "Allow", 
    "Action": "sts:AssumeRole", 
    "Resource": "arn:aws:iam::PRODUCTION-ACCOUNT-ID:role/UpdateApp" 
  }
}

`,
  },
  {
    id: "guide-tutorial-deny-assume-UpdateApp",
    name: "Deny assuming the UpdateApp role",
    section: "\"IAM tutorial: Delegate access across AWS accounts using IAM roles\" (Testers are denied UpdateApp)",
    document: `{ 

  "Version": "2012-10-17", 
  "Statement": { 
    "Effect": "Deny", 
    "Action": "sts:AssumeRole", 
    "Resource": "arn:aws:iam::PRODUCTION-ACCOUNT-ID:role/UpdateApp" 
  }
}
`,
  },
  {
    id: "guide-tutorial-productionapp-rw",
    name: "Read and write the productionapp bucket",
    section: "\"IAM tutorial: Delegate access across AWS accounts using IAM roles\" (read-write to the productionapp bucket)",
    document: `{ 
  "Version": "2012-10-17", 
  "Statement": [ 
    { 
      "Effect": "Allow", 
      "Action": "s3:ListAllMyBuckets", 
      "Resource": "*" 
    }, 
    { 
      "Effect": "Allow", 
      "Action": [ 
        "s3:ListBucket", 
        "s3:GetBucketLocation" 
       ], 
      "Resource": "arn:aws:s3:::productionapp" 
    }, 
    { 
      "Effect": "Allow", 
      "Action": [ 
        "s3:GetObject", 
        "s3:PutObject", 
        "s3:DeleteObject" 
      ], 
      "Resource": "arn:aws:s3:::productionapp/*" 
    } 
  ]
}
`,
  },
  {
    id: "guide-permissions-boundary-example",
    name: "Permissions boundary example",
    section: "\"Permissions boundaries for IAM entities\" (the ShirleyRodriguez boundary)",
    document: `{ 
    "Version": "2012-10-17", 
    "Statement": [ 
        { 
            "Effect": "Allow", 
            "Action": [ 
                "s3:*", 
                "cloudwatch:*", 
                "ec2:*" 
            ], 
            "Resource": "*" 
        } 
     ]
}
`,
  },
];
