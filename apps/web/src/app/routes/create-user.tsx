export default function Stub() { return <p>create-user</p>; }
