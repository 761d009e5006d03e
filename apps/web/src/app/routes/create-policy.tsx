import { CreatePolicyForm } from '../../features/policies/components/create-policy-form.tsx';

export default function CreatePolicyRoute() {
  return <CreatePolicyForm />;
}
